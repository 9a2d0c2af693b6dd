using GenAI.Cli;

return await CliRoot.Build().Parse(args).InvokeAsync();

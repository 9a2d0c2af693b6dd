using System.Text.Json.Nodes;
using GenAI.Notebooks.Ipynb;

namespace GenAI.Tests.Notebooks;

public class NotebookFormatTests
{
    private const string Foreign = """
        {"nbformat": 4, "nbformat_minor": 4,
         "metadata": {"zeta": {"b": 1, "a": [1.50, true, null]}, "kernelspec": {"name": "python3", "display_name": "Python 3", "env": {"X": "1"}}},
         "cells": [
          {"cell_type": "markdown", "id": "keep-me", "metadata": {"tags": ["solution"], "collapsed": false}, "source": "Grüße\nzweite Zeile"},
          {"cell_type": "code", "metadata": {}, "source": ["var x = 1;\n", "x"], "outputs": [], "execution_count": null, "x-tool": {"ü": "\u0001"}}
         ]}
        """;

    [Test]
    public void Unknown_metadata_and_cell_ids_survive_a_round_trip()
    {
        var notebook = Notebook.Parse(Foreign, "fremd.ipynb");
        notebook.Normalize();
        var again = JsonNode.Parse(notebook.ToJson())!.AsObject();
        Assert.That(again["metadata"]!["zeta"]!.ToJsonString(), Is.EqualTo("""{"a":[1.50,true,null],"b":1}"""));
        Assert.That(again["metadata"]!["kernelspec"]!["env"]!["X"]!.GetValue<string>(), Is.EqualTo("1"), "other kernelspec keys are kept");
        Assert.That(again["metadata"]!["kernelspec"]!["name"]!.GetValue<string>(), Is.EqualTo("genai-csharp"));
        Assert.That(again["metadata"]!["kernelspec"]!["display_name"]!.GetValue<string>(), Is.EqualTo("C# (GenAI)"));
        Assert.That(again["metadata"]!["language_info"]!["name"]!.GetValue<string>(), Is.EqualTo("csharp"));
        Assert.That(again["nbformat_minor"]!.GetValue<int>(), Is.EqualTo(5));
        var cells = again["cells"]!.AsArray();
        Assert.That(cells[0]!["id"]!.GetValue<string>(), Is.EqualTo("keep-me"));
        Assert.That(cells[0]!["metadata"]!["collapsed"]!.GetValue<bool>(), Is.False);
        Assert.That(cells[1]!["id"]!.GetValue<string>(), Does.Match("^[0-9a-f]{8}$"), "a missing id is generated");
        Assert.That(cells[1]!["x-tool"]!["ü"]!.GetValue<string>(), Is.EqualTo("\u0001"));
        Assert.That(cells[0]!["source"]!.AsArray().Select(l => l!.GetValue<string>()), Is.EqualTo(new[] { "Grüße\n", "zweite Zeile" }),
            "sources are line arrays");
    }

    [Test]
    public void Output_is_written_like_nbformat_sorted_one_space_indent_trailing_newline()
    {
        var notebook = Notebook.Parse(Foreign, "fremd.ipynb");
        notebook.Normalize();
        var json = notebook.ToJson();
        Assert.That(json, Does.StartWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"keep-me\",\n"));
        Assert.That(json, Does.EndWith("\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n"));
        Assert.That(json, Does.Contain("\"ü\": \"\\u0001\"").And.Contain("Grüße"), "non-ASCII stays readable, control characters are escaped");
        Assert.That(json, Does.Contain("\"outputs\": [],"));
        // Writing what we wrote changes nothing (stable ids, stable order).
        var second = Notebook.Parse(json, "again");
        second.Normalize();
        Assert.That(second.ToJson(), Is.EqualTo(json));
    }

    [Test]
    public void Generated_ids_are_stable_across_runs()
    {
        var a = Notebook.Parse(Foreign, "a");
        var b = Notebook.Parse(Foreign, "b");
        a.Normalize();
        b.Normalize();
        Assert.That(a.Cells[1].Id, Is.EqualTo(b.Cells[1].Id));
    }

    [Test]
    public void Malformed_json_names_file_line_and_column()
    {
        var broken = "{\n \"cells\": [\n  {\"cell_type\": \"code\",,}\n ]\n}";
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(broken, "kaputt.ipynb"));
        Assert.That(e!.Message, Does.StartWith("kaputt.ipynb (Zeile 3, Spalte").And.Contain("kein gültiges JSON").And.Contain("unverändert"));
    }

    [Test]
    public void An_nbformat_3_notebook_is_refused_with_the_fix()
    {
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Parse("""{"nbformat": 3, "worksheets": []}""", "alt.ipynb"));
        Assert.That(e!.Message, Does.Contain("nbformat 3").And.Contain("Jupyter"));
    }

    [Test]
    public void Clearing_removes_outputs_and_counts()
    {
        var notebook = Notebook.Load(Path.Combine(RepoPaths.Fixtures, "kapitel.ipynb"));
        Assert.That(notebook.Cells.Any(c => c.Outputs.Count > 0), Is.True, "fixture is committed with outputs");
        notebook.ClearOutputs();
        Assert.That(notebook.Cells.All(c => c.Outputs.Count == 0 && c.ExecutionCount is null), Is.True);
    }
}

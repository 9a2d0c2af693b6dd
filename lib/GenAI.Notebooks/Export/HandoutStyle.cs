namespace GenAI.Notebooks.Export;

/// <summary>The handouts' stylesheet: readable on screen, compact on paper (A4, no navigation, code wrapped).</summary>
internal static class HandoutStyle
{
    // Rules longer than a source line are constants of their own, spliced in unchanged.
    private const string Body =
        "body { margin: 0; color: var(--text); background: #fff; "
        + "font-family: \"Noto Sans\", \"DejaVu Sans\", \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif; line-height: 1.55; }";

    private const string CourseBar =
        ".course-bar { display: flex; justify-content: space-between; gap: 1rem; font-size: .9rem; color: var(--muted); "
        + "border-bottom: 1px solid var(--border); padding-bottom: .5rem; margin-bottom: 1rem; }";

    private const string SolutionLabel =
        ".solution-label { display: inline-block; font-size: .8rem; font-weight: 600; color: var(--solution); "
        + "border: 1px solid var(--solution); border-radius: 999px; padding: 0 .6em; margin-bottom: .25rem; }";

    public const string Css = $$"""
:root { --text: #1d1d1f; --muted: #5f6368; --accent: #0b57d0; --code-bg: #f6f8fa; --border: #d8dde3; --solution: #0f7b3f; --error: #b00020; }
* { box-sizing: border-box; }
html { font-size: 16px; }
{{Body}}
.page { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
{{CourseBar}}
.course-bar a { color: var(--accent); text-decoration: none; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 .5em; }
h1 { font-size: 2rem; margin-top: .5em; }
h2 { font-size: 1.5rem; border-bottom: 1px solid var(--border); padding-bottom: .2em; }
h3 { font-size: 1.2rem; }
a { color: var(--accent); }
nav.toc { background: #f8f9fb; border: 1px solid var(--border); border-radius: 8px; padding: .75rem 1.25rem; margin: 1rem 0 2rem; }
nav.toc h2 { font-size: 1.05rem; border: 0; margin: 0 0 .4rem; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.2rem; }
nav.toc li.level-3 { margin-left: 1.2rem; list-style: circle; }
table { border-collapse: collapse; margin: 1em 0; font-size: .95rem; }
th, td { border: 1px solid var(--border); padding: .35em .7em; }
th { background: #f1f3f5; }
img { max-width: 100%; height: auto; }
code, pre, .prompt { font-family: "DejaVu Sans Mono", "Cascadia Mono", Consolas, Menlo, monospace; font-size: .88rem; }
:not(pre) > code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.cell { margin: 1rem 0; }
.cell.code { display: grid; grid-template-columns: 3.2rem 1fr; column-gap: .5rem; }
.cell.code > * { grid-column: 2; }
.cell.code > .prompt { grid-column: 1; grid-row: 1; color: var(--muted); text-align: right; padding-top: .55rem; font-size: .8rem; }
.input pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: .55rem .75rem; }
.outputs { margin-top: .35rem; }
.output { margin: .25rem 0; }
pre.output { padding: .25rem .75rem; }
pre.stderr { background: #fff4e5; }
pre.error { background: #fdecee; color: var(--error); border-left: 3px solid var(--error); }
.output.figure img { display: block; margin: .25rem 0; }
.kw { color: #0000c8; } .pp { color: #6f42c1; } .str { color: #a31515; } .num { color: #098658; } .com { color: #008000; font-style: italic; }
.type { color: #267f99; } .fn { color: #795e26; } .mem { color: #1f4f99; } .var { color: #001080; } .ns { color: #5f6368; }
math { font-family: "Latin Modern Math", "STIX Two Math", "DejaVu Math TeX Gyre", "Cambria Math", math; font-size: 1.08em; }
math[display="block"] { margin: .8em 0; }
.tex-unknown { color: var(--error); }
{{SolutionLabel}}
details.solution { border: 1px solid var(--solution); border-radius: 8px; padding: .4rem .8rem; margin: 1rem 0; }
details.solution > summary { cursor: pointer; color: var(--solution); font-weight: 600; }
.solution-hidden { color: var(--muted); font-style: italic; font-size: .9rem; margin: .75rem 0; }
.genai-progress progress { vertical-align: middle; }
.print-only { display: none; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--border); padding-top: .5rem; }
ul.chapters { list-style: none; padding: 0; }
ul.chapters li { margin: .6rem 0; padding: .6rem .9rem; border: 1px solid var(--border); border-radius: 8px; }
ul.chapters .file { color: var(--muted); font-size: .85rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  html { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .course-bar a, nav.toc { display: none; }
  .screen-only { display: none !important; }
  .print-only { display: block; }
  .cell, pre, img, table, math[display="block"] { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .input pre { background: #fafafa; }
}
""";
}

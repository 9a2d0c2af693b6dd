using System.Globalization;
using System.Text.Json;

namespace GenAI.Plotting;

/// <summary>
/// Reads plotly.js figure JSON (what Plotly.NET's <c>GenericChart.toFigureJson</c> writes) into the model the
/// static SVG renderer draws. It understands the traces and layout keys the course's charts use: scatter (lines,
/// markers, text, colour by value), bar, histogram and heatmap traces; title and subtitle, size, legend, axis titles,
/// ranges, log and reversed axes, and Plotly.NET's subplot grids with their panel titles. A trace type it cannot draw
/// is an error that names it, so a figure never silently loses data in the handout.
/// </summary>
internal static class FigureJson
{
    public static Figure Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var layout = root.TryGetProperty("layout", out var l) ? l : default;
        int rows = 1, columns = 1;
        if (Get(layout, "grid") is { } grid)
        {
            rows = Math.Max(1, Int(grid, "rows") ?? 1);
            columns = Math.Max(1, Int(grid, "columns") ?? 1);
        }
        var traces = root.TryGetProperty("data", out var data) ? data.EnumerateArray().ToList() : [];
        int panelCount = rows * columns;
        var panels = Enumerable.Range(0, panelCount).Select(_ => new Subplot()).ToList();
        foreach (var element in traces)
        {
            int panel = AxisIndex(Str(element, "xaxis"));
            if (panel >= panels.Count)
                throw new InvalidDataException(
                    $"Eine Datenreihe liegt auf Achse {Str(element, "xaxis")}, die Abbildung hat {panels.Count} Teilbilder.");
            panels[panel].Traces.Add(ReadTrace(element));
        }
        // Panels beyond the last one that holds data are dropped (a 2×2 grid with three charts).
        while (panels.Count > 1 && panels[^1].Traces.Count == 0) panels.RemoveAt(panels.Count - 1);
        for (int p = 0; p < panels.Count; p++)
        {
            string suffix = p == 0 ? "" : (p + 1).ToString(CultureInfo.InvariantCulture);
            ReadAxis(Get(layout, "xaxis" + suffix), panels[p].X);
            ReadAxis(Get(layout, "yaxis" + suffix), panels[p].Y);
        }
        // Plotly.NET writes the grid's subplot titles as paper annotations, one per panel in order.
        if (Get(layout, "annotations") is { ValueKind: JsonValueKind.Array } annotations && rows * columns > 1)
        {
            var titles = annotations.EnumerateArray().Where(a => Str(a, "xref") == "paper" && Str(a, "text") is not null).ToList();
            for (int p = 0; p < Math.Min(titles.Count, panels.Count); p++) panels[p].Title = Str(titles[p], "text");
        }
        var figure = new Figure(panels, rows, columns)
        {
            Title = Text(Get(layout, "title")),
            Subtitle = Text(Get(Get(layout, "title"), "subtitle")),
            Width = Int(layout, "width") ?? 640,
            Height = Int(layout, "height") ?? 440,
            ShowLegend = Bool(layout, "showlegend"),
            LegendTitle = Text(Get(Get(layout, "legend"), "title")),
        };
        return figure;
    }

    private static Trace ReadTrace(JsonElement t)
    {
        string type = Str(t, "type") ?? "scatter";
        Trace trace = type switch
        {
            "scatter" or "scattergl" => Scatter(t),
            "bar" => Bar(t),
            "histogram" => Histogram(t),
            "heatmap" => Heatmap(t),
            _ => throw new NotSupportedException(
                $"Die statische Abbildung kann Datenreihen vom Typ \"{type}\" nicht zeichnen; "
                + "sie kennt scatter, bar, histogram und heatmap. Im Browser zeigt plotly.js sie trotzdem."),
        };
        trace.Name = Str(t, "name");
        trace.ShowLegend = Bool(t, "showlegend");
        return trace;
    }

    private static ScatterTrace Scatter(JsonElement t)
    {
        var s = new ScatterTrace(Numbers(t, "x"), Numbers(t, "y"));
        string mode = Str(t, "mode") ?? (s.X.Length <= 20 ? "lines+markers" : "lines");
        bool lines = mode.Contains("lines", StringComparison.Ordinal), markers = mode.Contains("markers", StringComparison.Ordinal);
        s.Mode = lines && markers ? ScatterMode.LinesAndMarkers : lines ? ScatterMode.Lines : ScatterMode.Markers;
        if (mode.Contains("text", StringComparison.Ordinal) || Get(t, "text") is { ValueKind: JsonValueKind.Array })
            s.Text = Strings(Get(t, "text"), s.X.Length);
        var marker = Get(t, "marker");
        var line = Get(t, "line");
        s.MarkerSize = Number(marker, "size") ?? s.MarkerSize;
        s.Opacity = Number(marker, "opacity") ?? Number(t, "opacity") ?? 1;
        s.LineWidth = Number(line, "width") ?? s.LineWidth;
        s.Dashed = Str(line, "dash") is "dash" or "dot" or "dashdot" or "longdash";
        if (Get(marker, "color") is { ValueKind: JsonValueKind.Array } values)
        {
            s.ColorValues = Numbers(values);
            s.Colorscale = ReadColorscale(Get(marker, "colorscale")) ?? Colorscale.Viridis;
            s.ColorbarTitle = Text(Get(Get(marker, "colorbar"), "title"));
        }
        else s.Color = Color(Str(marker, "color") ?? Str(line, "color"));
        return s;
    }

    private static BarTrace Bar(JsonElement t)
    {
        var categories = Strings(Get(t, "x"), -1) ?? [];
        var bar = new BarTrace(categories, Numbers(t, "y"))
        {
            Opacity = Number(t, "opacity") ?? 1,
            Texts = Strings(Get(t, "text"), categories.Length),
            Color = Color(Str(Get(t, "marker"), "color")),
        };
        return bar;
    }

    private static HistogramTrace Histogram(JsonElement t)
    {
        var histogram = new HistogramTrace(Numbers(t, "x"), Int(t, "nbinsx"))
        {
            Opacity = Number(t, "opacity") ?? 1,
            Color = Color(Str(Get(t, "marker"), "color")),
            Norm = Str(t, "histnorm") switch
            {
                "probability" => HistogramNorm.Probability,
                "probability density" => HistogramNorm.Density,
                _ => HistogramNorm.Count,
            },
        };
        return histogram;
    }

    private static HeatmapTrace Heatmap(JsonElement t)
    {
        var z = Get(t, "z") ?? throw new InvalidDataException("Eine Heatmap braucht Werte (z).");
        var rows = z.EnumerateArray().Select(Numbers).ToList();
        int columns = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var matrix = new double[rows.Count, columns];
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < columns; j++) matrix[i, j] = j < rows[i].Length ? rows[i][j] : double.NaN;
        var heatmap = new HeatmapTrace(matrix)
        {
            ColumnLabels = Strings(Get(t, "x"), columns),
            RowLabels = Strings(Get(t, "y"), rows.Count),
            Colorscale = ReadColorscale(Get(t, "colorscale")) ?? Colorscale.Viridis,
            ZMin = Number(t, "zmin"),
            ZMax = Number(t, "zmax"),
            ColorbarTitle = Text(Get(Get(t, "colorbar"), "title")),
            ShowScale = Bool(t, "showscale") ?? true,
        };
        // Values printed in the cells: plotly.js shows "text" when "texttemplate" refers to it.
        if (Get(t, "text") is { ValueKind: JsonValueKind.Array } text && Str(t, "texttemplate") is { } template && template.Contains("%{text}"))
        {
            var cells = new string[rows.Count, columns];
            var textRows = text.EnumerateArray().ToList();
            for (int i = 0; i < Math.Min(rows.Count, textRows.Count); i++)
            {
                var row = Strings(textRows[i], -1) ?? [];
                for (int j = 0; j < Math.Min(columns, row.Length); j++) cells[i, j] = row[j];
            }
            heatmap.CellTexts = cells;
        }
        return heatmap;
    }

    private static void ReadAxis(JsonElement? element, Axis axis)
    {
        if (element is not { } a) return;
        axis.Title = Text(Get(a, "title")) ?? axis.Title;
        if (Get(a, "range") is { ValueKind: JsonValueKind.Array } range && range.GetArrayLength() == 2)
        {
            var r = Numbers(range);
            bool log = Str(a, "type") == "log";
            // plotly.js gives log ranges as exponents.
            axis.Min = log ? Math.Pow(10, r[0]) : r[0];
            axis.Max = log ? Math.Pow(10, r[1]) : r[1];
        }
        axis.Logarithmic = Str(a, "type") == "log";
        axis.Reversed = Str(a, "autorange") == "reversed";
        axis.Visible = Bool(a, "visible") ?? true;
    }

    /// <summary>A colour scale given as stops <c>[[0, "#…"], …]</c>, or one of the names the course uses.</summary>
    private static Colorscale? ReadColorscale(JsonElement? element)
    {
        if (element is not { } e) return null;
        if (e.ValueKind == JsonValueKind.String)
            return e.GetString() switch
            {
                "Viridis" => Colorscale.Viridis,
                "Blues" => Colorscale.Blues,
                "RdBu" => Colorscale.BlueRed,
                "Greys" => Colorscale.Greys,
                var name => throw new NotSupportedException($"Die Farbskala \"{name}\" kennt die statische Abbildung nicht; gib sie als Stützstellen an."),
            };
        var stops = e.EnumerateArray().Select(s => (s[0].GetDouble(), Color(s[1].GetString())!)).ToArray();
        return new Colorscale(stops);
    }

    private static int AxisIndex(string? axis) =>
        axis is null or "x" ? 0 : int.Parse(axis.AsSpan(1), CultureInfo.InvariantCulture) - 1;

    private static JsonElement? Get(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static string? Str(JsonElement? element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static double? Number(JsonElement? element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    private static int? Int(JsonElement? element, string name) => Number(element, name) is { } v ? (int)v : null;

    private static bool? Bool(JsonElement? element, string name) => Get(element, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>A title is either a string or an object with "text".</summary>
    private static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o => Str(o, "text"),
        _ => null,
    };

    private static double[] Numbers(JsonElement element, string name) =>
        Get(element, name) is { } v ? Numbers(v) : [];

    private static double[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(v => v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.Null => double.NaN,
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw new InvalidDataException($"Erwartet wurde eine Zahl, nicht {v.GetRawText()}."),
        })];

    /// <summary>Labels as strings (numbers in invariant form); a single string applies to all <paramref name="count"/> items.</summary>
    private static string[]? Strings(JsonElement? element, int count) => element switch
    {
        { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray().Select(v =>
            v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())],
        { ValueKind: JsonValueKind.String } s when count >= 0 => [.. Enumerable.Repeat(s.GetString()!, count)],
        _ => null,
    };

    /// <summary>CSS colour as the renderer's <c>#rrggbb</c>: hex, <c>rgb(…)</c> or <c>rgba(…)</c> (alpha dropped).</summary>
    internal static string? Color(string? css)
    {
        if (css is null) return null;
        css = css.Trim();
        if (css.StartsWith('#'))
            return css.Length == 4 ? $"#{css[1]}{css[1]}{css[2]}{css[2]}{css[3]}{css[3]}".ToLowerInvariant() : css.ToLowerInvariant();
        if (css.StartsWith("rgb", StringComparison.OrdinalIgnoreCase))
        {
            var parts = css[(css.IndexOf('(') + 1)..css.IndexOf(')')].Split(',');
            var rgb = parts.Take(3).Select(p => (int)Math.Round(double.Parse(p, CultureInfo.InvariantCulture))).ToArray();
            return $"#{rgb[0]:x2}{rgb[1]:x2}{rgb[2]:x2}";
        }
        return css.ToLowerInvariant() switch
        {
            "black" => "#000000",
            "white" => "#ffffff",
            "gray" or "grey" => "#808080",
            "red" => "#ff0000",
            "blue" => "#0000ff",
            "green" => "#008000",
            "orange" => "#ffa500",
            _ => throw new NotSupportedException($"Die Farbe \"{css}\" kennt die statische Abbildung nicht; gib sie als \"#rrggbb\" an."),
        };
    }
}

namespace GenAI.Notebooks.Export;

/// <summary>The TeX commands <see cref="TexToMathMl"/> knows, with their Unicode characters (MathML Core renders these natively).</summary>
internal static class TexSymbols
{
    /// <summary>Letter-like symbols rendered as <c>&lt;mi&gt;</c> (identifiers).</summary>
    public static readonly Dictionary<string, string> Identifiers = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["varpi"] = "ϖ", ["rho"] = "ρ",
        ["varrho"] = "ϱ", ["sigma"] = "σ", ["varsigma"] = "ς", ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "ϕ",
        ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["infty"] = "∞", ["partial"] = "∂", ["nabla"] = "∇", ["emptyset"] = "∅", ["varnothing"] = "∅", ["ell"] = "ℓ",
        ["hbar"] = "ℏ", ["imath"] = "ı", ["jmath"] = "ȷ", ["aleph"] = "ℵ", ["Re"] = "ℜ", ["Im"] = "ℑ", ["top"] = "⊤", ["bot"] = "⊥",
    };

    /// <summary>Upper-case Greek: upright in TeX, so rendered with <c>mathvariant="normal"</c>.</summary>
    public static readonly Dictionary<string, string> UprightIdentifiers = new(StringComparer.Ordinal)
    {
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π",
        ["Sigma"] = "Σ", ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
    };

    /// <summary>Operators, relations, arrows and delimiters rendered as <c>&lt;mo&gt;</c>.</summary>
    public static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["cdot"] = "⋅", ["times"] = "×", ["div"] = "÷", ["pm"] = "±", ["mp"] = "∓", ["ast"] = "∗", ["star"] = "⋆",
        ["bullet"] = "∙", ["circ"] = "∘", ["odot"] = "⊙", ["otimes"] = "⊗", ["oplus"] = "⊕", ["setminus"] = "∖",
        ["sim"] = "∼", ["simeq"] = "≃", ["approx"] = "≈", ["cong"] = "≅", ["equiv"] = "≡", ["propto"] = "∝",
        ["neq"] = "≠", ["ne"] = "≠", ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥", ["ll"] = "≪", ["gg"] = "≫",
        ["prec"] = "≺", ["succ"] = "≻", ["in"] = "∈", ["notin"] = "∉", ["ni"] = "∋", ["subset"] = "⊂", ["supset"] = "⊃",
        ["subseteq"] = "⊆", ["supseteq"] = "⊇", ["cup"] = "∪", ["cap"] = "∩", ["wedge"] = "∧", ["land"] = "∧",
        ["vee"] = "∨", ["lor"] = "∨", ["neg"] = "¬", ["lnot"] = "¬", ["forall"] = "∀", ["exists"] = "∃",
        ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["gets"] = "←", ["leftrightarrow"] = "↔",
        ["Rightarrow"] = "⇒", ["Leftarrow"] = "⇐", ["Leftrightarrow"] = "⇔", ["implies"] = "⟹", ["iff"] = "⟺",
        ["mapsto"] = "↦", ["longrightarrow"] = "⟶", ["uparrow"] = "↑", ["downarrow"] = "↓",
        ["mid"] = "∣", ["parallel"] = "∥", ["perp"] = "⊥", ["colon"] = ":", ["vert"] = "|", ["Vert"] = "‖", ["|"] = "‖",
        ["lvert"] = "|", ["rvert"] = "|", ["lVert"] = "‖", ["rVert"] = "‖",
        ["ldots"] = "…", ["dots"] = "…", ["cdots"] = "⋯", ["vdots"] = "⋮", ["ddots"] = "⋱", ["prime"] = "′",
        ["langle"] = "⟨", ["rangle"] = "⟩", ["lfloor"] = "⌊", ["rfloor"] = "⌋", ["lceil"] = "⌈", ["rceil"] = "⌉",
        ["{"] = "{", ["}"] = "}", ["lbrace"] = "{", ["rbrace"] = "}", ["%"] = "%", ["#"] = "#", ["&"] = "&", ["_"] = "_", ["$"] = "$",
        ["dagger"] = "†", ["triangle"] = "△", ["angle"] = "∠", ["therefore"] = "∴",
        ["int"] = "∫", ["iint"] = "∬", ["oint"] = "∮",
    };

    /// <summary>Big operators whose limits go below/above in display style (<c>movablelimits</c>).</summary>
    public static readonly Dictionary<string, string> LargeOperators = new(StringComparer.Ordinal)
    {
        ["sum"] = "∑", ["prod"] = "∏", ["coprod"] = "∐", ["bigcup"] = "⋃", ["bigcap"] = "⋂", ["bigoplus"] = "⨁", ["bigotimes"] = "⨂",
    };

    /// <summary>Function names set upright (<c>\log x</c>).</summary>
    public static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "log", "ln", "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "sec", "csc", "cot",
        "det", "dim", "ker", "deg", "gcd", "hom", "arg", "Pr", "sgn", "softmax", "diag", "tr",
    };

    /// <summary>Function names with limits below (<c>\max_{x}</c>).</summary>
    public static readonly Dictionary<string, string> LimitFunctions = new(StringComparer.Ordinal)
    {
        ["lim"] = "lim", ["max"] = "max", ["min"] = "min", ["sup"] = "sup", ["inf"] = "inf",
        ["argmax"] = "arg max", ["argmin"] = "arg min", ["limsup"] = "lim sup", ["liminf"] = "lim inf",
    };

    /// <summary>Horizontal spaces in em.</summary>
    public static readonly Dictionary<string, string> Spaces = new(StringComparer.Ordinal)
    {
        [","] = "0.1667em", [":"] = "0.2222em", [">"] = "0.2222em", [";"] = "0.2778em", ["!"] = "-0.1667em",
        [" "] = "0.25em", ["quad"] = "1em", ["qquad"] = "2em", ["enspace"] = "0.5em", ["thinspace"] = "0.1667em",
    };

    /// <summary>Accents placed over their argument.</summary>
    public static readonly Dictionary<string, (string Mark, bool Stretchy)> Accents = new(StringComparer.Ordinal)
    {
        ["hat"] = ("^", false), ["widehat"] = ("^", true), ["bar"] = ("¯", false), ["overline"] = ("‾", true),
        ["tilde"] = ("~", false), ["widetilde"] = ("~", true), ["vec"] = ("→", false), ["dot"] = ("˙", false),
        ["ddot"] = ("¨", false), ["check"] = ("ˇ", false), ["breve"] = ("˘", false), ["overrightarrow"] = ("→", true),
    };

    /// <summary>Commands that only change spacing or style in TeX and are safely ignored.</summary>
    public static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "nonumber", "notag",
    };

    /// <summary>
    /// Maps a letter or digit to a Mathematical Alphanumeric Symbol (Unicode block U+1D400) — MathML Core
    /// has no <c>mathvariant</c> other than "normal", so styled letters are distinct characters.
    /// </summary>
    public static string Styled(char c, string variant)
    {
        // Letters the Letterlike Symbols block already had; the math block leaves holes at these positions.
        var holes = variant switch
        {
            "double-struck" => new Dictionary<char, string> { ['C'] = "ℂ", ['H'] = "ℍ", ['N'] = "ℕ", ['P'] = "ℙ", ['Q'] = "ℚ", ['R'] = "ℝ", ['Z'] = "ℤ" },
            "script" => new Dictionary<char, string>
            {
                ['B'] = "ℬ", ['E'] = "ℰ", ['F'] = "ℱ", ['H'] = "ℋ", ['I'] = "ℐ", ['L'] = "ℒ", ['M'] = "ℳ", ['R'] = "ℛ", ['e'] = "ℯ", ['g'] = "ℊ", ['o'] = "ℴ",
            },
            "fraktur" => new Dictionary<char, string> { ['C'] = "ℭ", ['H'] = "ℌ", ['I'] = "ℑ", ['R'] = "ℜ", ['Z'] = "ℨ" },
            _ => [],
        };
        if (holes.TryGetValue(c, out var hole)) return hole;
        int upper = variant switch
        {
            "bold" => 0x1D400, "italic" => 0x1D434, "bold-italic" => 0x1D468, "script" => 0x1D49C,
            "fraktur" => 0x1D504, "double-struck" => 0x1D538, "sans-serif" => 0x1D5A0, "monospace" => 0x1D670, _ => 0,
        };
        if (upper == 0) return c.ToString();
        if (c is >= 'A' and <= 'Z') return char.ConvertFromUtf32(upper + (c - 'A'));
        if (c is >= 'a' and <= 'z') return char.ConvertFromUtf32(upper + 26 + (c - 'a'));
        int digits = variant switch { "bold" => 0x1D7CE, "double-struck" => 0x1D7D8, "sans-serif" => 0x1D7E2, "monospace" => 0x1D7F6, _ => 0 };
        if (digits != 0 && c is >= '0' and <= '9') return char.ConvertFromUtf32(digits + (c - '0'));
        if (variant is "bold" or "bold-italic")
        {
            int greekLower = variant == "bold" ? 0x1D6C2 : 0x1D736, greekUpper = variant == "bold" ? 0x1D6A8 : 0x1D71C;
            if (c is >= 'α' and <= 'ω') return char.ConvertFromUtf32(greekLower + (c - 'α'));
            if (c is >= 'Α' and <= 'Ω') return char.ConvertFromUtf32(greekUpper + (c - 'Α'));
        }
        return c.ToString();
    }
}

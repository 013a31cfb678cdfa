using System.Globalization;
using Kinerja.Domain.DataElements;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Formulas;

/// <summary>
/// A hand-written recursive-descent parser for indicator formulas. It only builds a tree of the
/// node types in <see cref="FormulaNode"/>: there is no eval, no reflection and no way to name
/// anything outside data elements, indicators and registered functions, so a formula cannot run
/// code (safe by construction). Grammar, loosest first:
/// <code>
/// expr    = or
/// or      = and { "or" and }
/// and     = compare { "and" compare }
/// compare = sum [ ("=" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum ]
/// sum     = product { ("+" | "-") product }
/// product = unary { ("*" | "×" | "/" | "÷") unary }
/// unary   = "-" unary | primary
/// primary = number ["%"] | "#{" element { "|" category ":" option } "}" | "I{" indicator "}"
///         | name "(" [ expr { "," expr } ] ")" | "(" expr ")"
/// </code>
/// Numbers use a decimal point (27.5), because the comma separates arguments.
/// </summary>
public sealed class FormulaParser
{
    /// <summary>Longest formula accepted; the passes recurse over the tree, so its size is bounded.</summary>
    public const int MaxLength = 2000;

    /// <summary>Deepest nesting of parentheses, calls and unary minus accepted.</summary>
    public const int MaxDepth = 50;

    private readonly string _text;
    private int _at;
    private int _depth;

    private FormulaParser(string text) => _text = text;

    public static ParseResult<FormulaNode> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<FormulaNode>.Fail("rumus kosong");
        if (text.Length > MaxLength)
            return ParseResult<FormulaNode>.Fail($"rumus terlalu panjang ({text.Length} karakter; paling banyak {MaxLength})");
        var parser = new FormulaParser(text);
        try
        {
            var node = parser.Expression();
            parser.SkipSpace();
            if (parser._at < text.Length)
                throw parser.Error($"tanda \"{text[parser._at]}\" tidak diharapkan");
            return ParseResult<FormulaNode>.Ok(node);
        }
        catch (FormulaSyntaxException e)
        {
            return ParseResult<FormulaNode>.Fail(e.Message);
        }
    }

    private FormulaSyntaxException Error(string message, int? at = null)
    {
        var position = at ?? _at;
        return new FormulaSyntaxException($"{message} (posisi {position + 1})");
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            _at++;
    }

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _at, token, 0, token.Length) != 0)
            return false;
        _at += token.Length;
        return true;
    }

    /// <summary>Accepts a keyword ("and", "or") only as a whole word.</summary>
    private bool AcceptWord(string word)
    {
        SkipSpace();
        var end = _at + word.Length;
        if (end > _text.Length || string.Compare(_text, _at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
            return false;
        if (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_'))
            return false;
        _at = end;
        return true;
    }

    private FormulaNode Expression()
    {
        if (++_depth > MaxDepth)
            throw Error($"rumus terlalu bersarang (lebih dari {MaxDepth} tingkat)");
        var node = Or();
        _depth--;
        return node;
    }

    private FormulaNode Or()
    {
        var left = And();
        while (true)
        {
            var at = _at;
            if (!AcceptWord("or"))
                return left;
            left = new BinaryNode(BinaryOperator.Or, left, And(), at);
        }
    }

    private FormulaNode And()
    {
        var left = Compare();
        while (true)
        {
            var at = _at;
            if (!AcceptWord("and"))
                return left;
            left = new BinaryNode(BinaryOperator.And, left, Compare(), at);
        }
    }

    private FormulaNode Compare()
    {
        var left = Sum();
        SkipSpace();
        var at = _at;
        BinaryOperator? op =
            Accept("<=") ? BinaryOperator.LessOrEqual
            : Accept(">=") ? BinaryOperator.GreaterOrEqual
            : Accept("!=") || Accept("<>") ? BinaryOperator.NotEqual
            : Accept("==") || Accept("=") ? BinaryOperator.Equal
            : Accept("<") ? BinaryOperator.Less
            : Accept(">") ? BinaryOperator.Greater
            : null;
        if (op is null)
            return left;
        var node = new BinaryNode(op.Value, left, Sum(), at);
        SkipSpace();
        if (_at < _text.Length && _text[_at] is '<' or '>' or '=' or '!')
            throw Error("perbandingan tidak boleh berantai; gunakan and");
        return node;
    }

    private FormulaNode Sum()
    {
        var left = Product();
        while (true)
        {
            SkipSpace();
            var at = _at;
            if (Accept("+"))
                left = new BinaryNode(BinaryOperator.Add, left, Product(), at);
            else if (Accept("-") || Accept("−"))
                left = new BinaryNode(BinaryOperator.Subtract, left, Product(), at);
            else
                return left;
        }
    }

    private FormulaNode Product()
    {
        var left = Unary();
        while (true)
        {
            SkipSpace();
            var at = _at;
            if (Accept("*") || Accept("×"))
                left = new BinaryNode(BinaryOperator.Multiply, left, Unary(), at);
            else if (Accept("/") || Accept("÷"))
                left = new BinaryNode(BinaryOperator.Divide, left, Unary(), at);
            else
                return left;
        }
    }

    private FormulaNode Unary()
    {
        SkipSpace();
        var at = _at;
        if (Accept("-") || Accept("−"))
        {
            if (++_depth > MaxDepth)
                throw Error($"rumus terlalu bersarang (lebih dari {MaxDepth} tingkat)");
            var operand = Unary();
            _depth--;
            return new NegateNode(operand, at);
        }

        return Primary();
    }

    private FormulaNode Primary()
    {
        SkipSpace();
        var at = _at;
        if (_at >= _text.Length)
            throw Error("rumus berakhir terlalu cepat; diharapkan angka, #{elemen}, fungsi atau (");
        var c = _text[_at];
        if (char.IsAsciiDigit(c) || (c == '.' && _at + 1 < _text.Length && char.IsAsciiDigit(_text[_at + 1])))
            return Number();
        if (Accept("#{"))
            return Element(at);
        if (Accept("I{"))
        {
            var code = ReadUntil('}', "kode indikator").Trim();
            return new IndicatorNode(code, at);
        }

        if (Accept("("))
        {
            var inner = Expression();
            if (!Accept(")"))
                throw Error("tanda \")\" belum menutup \"(\"", at);
            return inner;
        }

        if (char.IsLetter(c) || c == '_')
        {
            var start = _at;
            while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_'))
                _at++;
            var name = _text[start.._at];
            if (!Accept("("))
                throw Error($"\"{name}\" bukan fungsi dan bukan elemen data; tulis elemen sebagai #{{{name}}}", start);
            var arguments = new List<FormulaNode>();
            if (!Accept(")"))
            {
                do
                {
                    arguments.Add(Expression());
                }
                while (Accept(","));
                if (!Accept(")"))
                    throw Error($"tanda \")\" belum menutup {name}(", start);
            }

            return new CallNode(name.ToLowerInvariant(), arguments, start);
        }

        throw Error($"tanda \"{c}\" tidak diharapkan; diharapkan angka, #{{elemen}}, fungsi atau (");
    }

    private NumberNode Number()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] == '.'))
            _at++;
        var text = _text[start.._at];
        if (text.Count(ch => ch == '.') > 1 || text.EndsWith('.') || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw Error($"angka \"{text}\" tidak sah; pakai titik sebagai tanda desimal (27.5) dan tanpa pemisah ribuan", start);
        SkipSpace();
        if (_at < _text.Length && _text[_at] == '%')
        {
            _at++;
            return new NumberNode(value / 100m, text + "%", start);
        }

        return new NumberNode(value, text, start);
    }

    private ElementNode Element(int at)
    {
        var body = ReadUntil('}', "kode elemen data");
        var parts = body.Split('|');
        var code = parts[0].Trim();
        if (code.Length == 0)
            throw Error("kode elemen data kosong", at);
        var filters = new List<BreakdownOption>();
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Trim().Length - 1 || part[(colon + 1)..].Trim().Length == 0)
                throw Error($"rincian \"{part.Trim()}\" pada #{{{code}}} harus ditulis kategori:opsi", at);
            filters.Add(new BreakdownOption(part[..colon].Trim(), part[(colon + 1)..].Trim()));
        }

        return new ElementNode(code, filters, at);
    }

    private string ReadUntil(char close, string what)
    {
        var start = _at;
        var end = _text.IndexOf(close, _at);
        if (end < 0)
            throw Error($"{what} tidak ditutup dengan \"{close}\"", start - 2);
        _at = end + 1;
        return _text[start..end];
    }

    private sealed class FormulaSyntaxException(string message) : Exception(message);
}

using System;
using System.Collections.Generic;
using System.Text;

namespace Midjourney.PowerShell.Tests.Packaging;

/// <summary>
/// Reads the top-level keys of a PowerShell data file (.psd1) without PowerShell: comments (<c>#</c>, <c>&lt;# #&gt;</c>),
/// single- and double-quoted strings, <c>@( )</c> arrays with commas or newlines, and nested <c>@{ }</c> tables
/// (returned as raw text). Enough for a module manifest; anything else is an error, so the tests fail loudly.
/// </summary>
internal sealed class Psd1Reader
{
    private readonly string _text;
    private int _pos;

    private Psd1Reader(string text) => _text = text;

    /// <summary>Value of each key: a string, a list of strings, or (for nested tables) the raw text.</summary>
    public static Dictionary<string, object> ReadTopLevel(string text)
    {
        var reader = new Psd1Reader(text);
        reader.SkipTrivia();
        reader.Expect("@{");
        var result = reader.ReadTableBody(keepValues: true);
        reader.SkipTrivia();
        if (reader._pos != text.Length) throw reader.Error("text after the closing }");
        return result;
    }

    private Dictionary<string, object> ReadTableBody(bool keepValues)
    {
        var result = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipTrivia(newlinesToo: true, semicolons: true);
            if (Peek() == '}')
            {
                _pos++;
                return result;
            }

            string key = ReadKey();
            SkipTrivia();
            Expect("=");
            SkipTrivia();
            int start = _pos;
            object value = ReadValue();
            if (!result.TryAdd(key, keepValues ? value : _text.Substring(start, _pos - start))) throw Error($"duplicate key {key}");
        }
    }

    private object ReadValue()
    {
        char c = Peek();
        if (c == '\'' || c == '"') return ReadString();
        if (Match("@("))
        {
            var items = new List<string>();
            while (true)
            {
                SkipTrivia(newlinesToo: true);
                if (Peek() == ')')
                {
                    _pos++;
                    return items;
                }

                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                items.Add(ReadString());
            }
        }

        if (Match("@{"))
        {
            int start = _pos - 2;
            ReadTableBody(keepValues: false);
            return _text.Substring(start, _pos - start);
        }

        if (Match("$true")) return "True";
        if (Match("$false")) return "False";
        int begin = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
        if (_pos == begin) throw Error($"unexpected '{Peek()}'");
        return _text.Substring(begin, _pos - begin);
    }

    private string ReadString()
    {
        char quote = Peek();
        if (quote != '\'' && quote != '"') throw Error("a quoted string was expected");
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw Error("unterminated string");
            char c = _text[_pos++];
            if (c == quote)
            {
                if (Peek() == quote)
                {
                    sb.Append(quote);
                    _pos++;
                    continue;
                }

                return sb.ToString();
            }

            if (quote == '"' && (c == '$' || c == '`')) throw Error("expandable strings are not supported in the manifest");
            sb.Append(c);
        }
    }

    private string ReadKey()
    {
        if (Peek() == '\'' || Peek() == '"') return ReadString();
        int begin = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        if (_pos == begin) throw Error($"a key was expected, found '{Peek()}'");
        return _text.Substring(begin, _pos - begin);
    }

    private void SkipTrivia(bool newlinesToo = true, bool semicolons = false)
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
            }
            else if (c == '<' && Peek(1) == '#')
            {
                int end = _text.IndexOf("#>", _pos + 2, StringComparison.Ordinal);
                if (end < 0) throw Error("unterminated block comment");
                _pos = end + 2;
            }
            else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF' || (newlinesToo && c == '\n') || (semicolons && c == ';'))
            {
                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool Match(string token)
    {
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0) return false;
        _pos += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Match(token)) throw Error($"'{token}' expected");
    }

    private FormatException Error(string message)
    {
        int line = 1;
        for (int i = 0; i < _pos && i < _text.Length; i++) if (_text[i] == '\n') line++;
        return new FormatException($"psd1 line {line}: {message}");
    }
}

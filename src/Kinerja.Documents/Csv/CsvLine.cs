using System.Text;

namespace Kinerja.Documents.Csv;

/// <summary>The CSV flavour finance and labour systems export: one record per line, ';' or ',' separated.</summary>
public static class CsvLine
{
    /// <summary>Splits one line; double quotes enclose a field and "" inside them is a quote. Fields are not trimmed.</summary>
    public static List<string> Split(string line, char separator, out bool unclosedQuote)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        unclosedQuote = quoted;
        return fields;
    }

    /// <summary>';' when the header line splits on it (Indonesian spreadsheets export so), ',' otherwise.</summary>
    public static char DetectSeparator(string headerLine) => Split(headerLine, ';', out _).Count > 1 ? ';' : ',';
}

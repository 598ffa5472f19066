using System;
using System.Collections.Generic;
using System.Text;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>An indented writer with a disposable block helper: <c>using (w.Block("if (x)")) { ... }</c>.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new();
        private readonly Func<string, string>? _transform;
        private int _indent;

        public SourceWriter()
        {
        }

        /// <summary>A writer that starts at <paramref name="indent"/> levels and rewrites each line with <paramref name="transform"/> before wrapping it.</summary>
        public SourceWriter(int indent, Func<string, string> transform)
        {
            _indent = indent;
            _transform = transform;
        }

        /// <summary>The current indentation level.</summary>
        public int Indent => _indent;

        /// <summary>Text already laid out (another writer's), appended as it is.</summary>
        public void Raw(string text) => _builder.Append(text);

        /// <summary>No generated line is longer than this (characters, indentation included); <see cref="Line"/> wraps longer ones.</summary>
        public const int MaxLineLength = 160;

        public void Line(string text = "")
        {
            if (text.Length == 0)
            {
                _builder.Append('\n');
                return;
            }

            foreach (var line in Wrap(new string(' ', _indent * 4), _transform is null ? text : _transform(text)))
            {
                _builder.Append(line).Append('\n');
            }
        }

        /// <summary>
        /// A line of at most <see cref="MaxLineLength"/> characters, or several: a comment is wrapped at spaces (each
        /// continuation with the same <c>//</c> or <c>///</c>); a trailing comment that does not fit goes on a line of its
        /// own above its code; code is broken after a comma or an opening parenthesis or before a binary operator outside string and character
        /// literals, the continuation indented four more spaces. A line with no such place is left long.
        /// </summary>
        private static IEnumerable<string> Wrap(string indent, string text)
        {
            if (indent.Length + text.Length <= MaxLineLength || text.StartsWith("#", StringComparison.Ordinal))
            {
                yield return indent + text;
                yield break;
            }

            string trimmed = text.TrimStart();
            if (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                string marker = trimmed.StartsWith("///", StringComparison.Ordinal) ? "/// " : "// ";
                foreach (var line in WrapWords(indent + marker, trimmed.Substring(marker.Length).TrimStart()))
                {
                    yield return line;
                }

                yield break;
            }

            int comment = TrailingComment(text);
            if (comment > 0)
            {
                foreach (var line in Wrap(indent, text.Substring(comment + 1)))
                {
                    yield return line;
                }

                text = text.Substring(0, comment).TrimEnd();
            }

            string current = text;
            string prefix = indent;
            while (prefix.Length + current.Length > MaxLineLength)
            {
                int cut = BreakPoint(current, MaxLineLength - prefix.Length);
                if (cut <= 0)
                {
                    break;
                }

                yield return prefix + current.Substring(0, cut).TrimEnd();
                current = current.Substring(cut).TrimStart();
                prefix = indent + "    ";
            }

            yield return prefix + current;
        }

        private static IEnumerable<string> WrapWords(string prefix, string words)
        {
            var line = new StringBuilder(prefix);
            bool empty = true;
            foreach (var word in words.Split(' '))
            {
                if (!empty && line.Length + 1 + word.Length > MaxLineLength)
                {
                    yield return line.ToString();
                    line.Clear().Append(prefix);
                    empty = true;
                }

                line.Append(empty ? string.Empty : " ").Append(word);
                empty = false;
            }

            yield return line.ToString();
        }

        /// <summary>The index of the space before a trailing <c>// comment</c> outside literals, or −1.</summary>
        private static int TrailingComment(string text)
        {
            int found = -1;
            Scan(text, (i, inLiteral) =>
            {
                if (found < 0 && !inLiteral && i > 0 && text[i - 1] == ' ' && string.CompareOrdinal(text, i, "// ", 0, 3) == 0)
                {
                    found = i - 1;
                }
            });
            return found;
        }

        /// <summary>The last place at or before <paramref name="limit"/> to break: after ", " or "(", or before " op ", outside literals.</summary>
        private static int BreakPoint(string text, int limit)
        {
            int best = -1;
            int paren = -1;
            int dot = -1;
            Scan(text, (i, inLiteral) =>
            {
                if (inLiteral || i >= limit || i < 8)
                {
                    return;
                }

                if (text[i] == '.' && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsUpper(text[i + 1]))
                {
                    dot = i; // before a member access: the last resort, for a long qualified call with nothing else to break at
                }

                if (text[i] == ',' && i + 1 < text.Length && text[i + 1] == ' ')
                {
                    best = i + 1;
                }
                else if (text[i] == '(' && i + 1 < text.Length && text[i + 1] != ')' && i + 1 < limit)
                {
                    paren = i + 1;
                }
                else if (text[i] == ' ' && i + 2 < text.Length && "+-*&|?:".IndexOf(text[i + 1]) >= 0 && text[i + 2] == ' ')
                {
                    best = i + 1;
                }
            });

            // After a comma or before an operator where one is in the second half of the line; else after a '('; else
            // before the last member access that fits.
            int cut = best > limit / 2 || paren < 0 ? best : paren;
            return cut > 0 ? cut : dot;
        }

        /// <summary>Calls <paramref name="visit"/> for each character with whether it is inside a string or character literal.</summary>
        private static void Scan(string text, Action<int, bool> visit)
        {
            char quote = '\0';
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quote != '\0')
                {
                    visit(i, true);
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }

                    continue;
                }

                if (c == '"' || c == '\'')
                {
                    quote = c;
                    visit(i, true);
                    continue;
                }

                visit(i, false);
            }
        }

        /// <summary>Writes each line of a multi-line text at the current indentation.</summary>
        public void Lines(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                Line(line.TrimEnd('\r'));
            }
        }

        /// <summary>A <c>/// &lt;summary&gt;</c> doc comment; the text is XML (write &amp;lt; for a literal less-than).</summary>
        public void Summary(string text)
        {
            Line("/// <summary>");
            foreach (var line in text.Split('\n'))
            {
                Line("/// " + line);
            }

            Line("/// </summary>");
        }

        /// <summary>Several raw doc-comment lines separated by newlines (already valid XML).</summary>
        public void Docs(string xml)
        {
            foreach (var line in xml.Split('\n'))
            {
                Doc(line.StartsWith("/// ", StringComparison.Ordinal) ? line.Substring(4) : line);
            }
        }

        /// <summary>A raw doc-comment line (already valid XML).</summary>
        public void Doc(string xml) => Line("/// " + xml);

        public IDisposable Block(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return new Closer(this, "}");
        }

        /// <summary>A block that ends with <c>};</c> or another closing text.</summary>
        public IDisposable Block(string header, string closing)
        {
            Line(header);
            Line("{");
            _indent++;
            return new Closer(this, closing);
        }

        /// <summary>A block whose header has a clause on a line of its own (a generic method's <c>where</c>).</summary>
        public IDisposable Block(string header, string closing, string clause)
        {
            Line(header);
            _indent++;
            Line(clause);
            _indent--;
            Line("{");
            _indent++;
            return new Closer(this, closing);
        }

        public override string ToString() => _builder.ToString();

        public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        private sealed class Closer : IDisposable
        {
            private readonly SourceWriter _writer;
            private readonly string _closing;

            public Closer(SourceWriter writer, string closing)
            {
                _writer = writer;
                _closing = closing;
            }

            public void Dispose()
            {
                _writer._indent--;
                _writer.Line(_closing);
            }
        }
    }
}

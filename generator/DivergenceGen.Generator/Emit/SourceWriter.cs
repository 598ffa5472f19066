using System;
using System.Text;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>An indented writer with a disposable block helper: <c>using (w.Block("if (x)")) { ... }</c>.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new();
        private int _indent;

        public void Line(string text = "")
        {
            if (text.Length == 0)
            {
                _builder.Append('\n');
                return;
            }

            _builder.Append(' ', _indent * 4).Append(text).Append('\n');
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

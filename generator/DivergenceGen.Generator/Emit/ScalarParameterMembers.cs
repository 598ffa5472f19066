using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// The members every family with scalar parameters gets from its parameter list alone (count and continuous families):
    /// the validating constructor with the cached quantities, <c>TryCreate</c>, and the parameter and moment properties.
    /// The checks come from each parameter's <see cref="ParameterDomain"/>; a constraint between parameters (a lower
    /// bound below an upper one) is an <see cref="System.ArgumentException"/> naming the last parameter and every value.
    /// </summary>
    internal sealed class ScalarParameterMembers
    {
        private readonly EmitContext _c;
        private readonly string _family;
        private readonly IReadOnlyList<ScalarParameter> _parameters;
        private readonly SourceWriter _w;

        public ScalarParameterMembers(EmitContext context, string family, IReadOnlyList<ScalarParameter> parameters)
        {
            _c = context;
            _family = family;
            _parameters = parameters;
            _w = context.W;
        }

        private bool IsDouble => _c.Spec.Precision == PrecisionKind.Double;

        private string ParameterList => string.Join(", ", _parameters.Select(p => _c.T + " " + p.Name));

        private string ArgumentList => string.Join(", ", _parameters.Select(p => p.Name));

        /// <summary>
        /// The fields: each parameter in the element type, each cached quantity in <paramref name="cachedType"/> with its
        /// meaning as a comment; then a blank line.
        /// </summary>
        public void EmitFields(IReadOnlyList<CachedQuantity> cached, string cachedType)
        {
            foreach (var p in _parameters)
            {
                _w.Line("private readonly " + _c.T + " _" + p.Name + ";");
            }

            foreach (var q in cached)
            {
                _w.Line("private readonly " + cachedType + " _" + q.Name + "; // " + q.Meaning);
            }

            _w.Line();
        }

        /// <summary>
        /// <c>IsDefault</c>: from a parameter or cached quantity that no constructed instance has at 0
        /// (<see cref="DefaultInstances"/>), else from the parameters' <paramref name="constraint"/>, which default(T) (all
        /// zeros) fails. A family with neither is a description error (<paramref name="missing"/> says what to add).
        /// </summary>
        public void EmitDefaultDetection(IReadOnlyList<CachedQuantity> cached, (Expr Condition, string Text)? constraint, string missing)
        {
            string self = _c.Self.TrimStart('@');
            string howToCreate = "new " + self + "(" + ArgumentList + "), " + self + ".TryCreate or " + self + ".Fit";
            if (DefaultInstances.Test(_parameters, cached) is { } test)
            {
                _c.EmitDefaultDetection(test.Test, test.Why, howToCreate);
                return;
            }

            var (condition, text) = constraint ?? throw new System.InvalidOperationException(_family + ": no parameter tells default apart; " + missing);
            _c.EmitDefaultDetection(
                "!(" + new ScalarLowering(PrecisionKind.Double, n => "_" + n).Lower(condition) + ")",
                "Default detection, no extra field: every constructed instance has " + text + ", which default(T) (all zeros) has not.",
                howToCreate);
        }

        /// <summary>
        /// <c>ToString()</c> unless the type declares its own: <c>Type: Family(</c><paramref name="fixedPart"/><c>a = …, b = …)</c>,
        /// in invariant culture with round-trip numbers (<paramref name="fixedPart"/>: a compile-time argument, e.g.
        /// <c>n = 10, </c>).
        /// </summary>
        public void EmitToString(string fixedPart = "", bool blankLineBefore = true)
        {
            if (_c.Spec.DeclaresToString)
            {
                return;
            }

            string parameters = string.Join(", ", _parameters.Select(p => p.Name + " = {" + p.PropertyName + ":R}"));
            string example = "<c>" + _c.Self.TrimStart('@') + ": " + _family + "(" + fixedPart + string.Join(", ", _parameters.Select(p => p.Name + " = …")) + ")</c>";
            if (blankLineBefore)
            {
                _w.Line();
            }

            _c.EmitToString(_family, example, prefix => "global::System.FormattableString.Invariant($\"" + prefix + fixedPart + parameters + ")\")");
        }

        /// <summary>
        /// The constructor (checks, then the parameters and the cached quantities, computed in double) and <c>TryCreate</c>,
        /// documented as creating <paramref name="signature"/> (<c>Family(rate)</c>).
        /// </summary>
        public void EmitConstruction(string signature, string summary, IReadOnlyList<CachedQuantity> cached, (Expr Condition, string Text)? constraint = null)
        {
            string self = _c.Self;
            _w.Summary("Creates " + signature + ". " + SourceWriter.Escape(summary));
            foreach (var p in _parameters)
            {
                _w.Doc("<param name=\"" + p.Name + "\">" + SourceWriter.Escape(p.Meaning) + "</param>");
            }

            foreach (var p in _parameters)
            {
                _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"" + p.Name + "\"/> is " + ParameterChecks.InvalidText(p.Domain) + ".</exception>");
            }

            if (constraint is { } described)
            {
                _w.Doc("<exception cref=\"global::System.ArgumentException\">The parameters do not satisfy " + SourceWriter.Escape(described.Text) + ".</exception>");
            }

            using (_w.Block("public " + self + "(" + ParameterList + ")"))
            {
                foreach (var p in _parameters)
                {
                    _w.Line(ParameterChecks.ThrowIfInvalid(p.Domain) + "(" + p.Name + ", nameof(" + p.Name + "));");
                }

                if (constraint is { } c)
                {
                    using (_w.Block("if (!(" + new ScalarLowering(PrecisionKind.Double, n => n).Lower(c.Condition) + "))"))
                    {
                        string values = string.Join(" + ", _parameters.Select((p, i) =>
                            "\"" + (i == 0 ? _family + " needs " + c.Text + "; got " : ", ") + p.Name + " = \" + " + p.Name
                            + ".ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)"));
                        _w.Line("throw new global::System.ArgumentException(" + values + ", nameof(" + _parameters[_parameters.Count - 1].Name + "));");
                    }
                }

                foreach (var p in _parameters)
                {
                    _w.Line("_" + p.Name + " = " + p.Name + ";");
                }

                var bind = new ScalarLowering(PrecisionKind.Double, name => IsDouble ? name : "(double)" + name);
                foreach (var quantity in cached)
                {
                    _w.Line("_" + quantity.Name + " = " + bind.Lower(quantity.Value) + ";");
                }
            }

            _w.Line();
            _w.Summary("Creates " + signature + " if the parameters are valid; returns false (and default) instead of throwing otherwise.");
            foreach (var p in _parameters)
            {
                _w.Doc("<param name=\"" + p.Name + "\">" + SourceWriter.Escape(p.Meaning) + "</param>");
            }

            _w.Doc("<param name=\"result\">The distribution, or <c>default</c> when a parameter is invalid.</param>");
            _w.Doc("<returns>Whether the parameters were valid.</returns>");
            using (_w.Block("public static bool TryCreate(" + ParameterList + ", " + EmitContext.MaybeNullWhenFalse + "out " + self + " result)"))
            {
                var checks = _parameters.Select(p => ParameterChecks.IsValid(p.Domain) + "(" + p.Name + ")").ToList();
                if (constraint is { } c)
                {
                    checks.Add(new ScalarLowering(PrecisionKind.Double, n => n).Lower(c.Condition));
                }

                using (_w.Block(checks.Count == 1 ? "if (!" + checks[0] + ")" : "if (!(" + string.Join(" && ", checks) + "))"))
                {
                    _w.Line("result = default!;");
                    _w.Line("return false;");
                }

                _w.Line("result = new " + self + "(" + ArgumentList + ");");
                _w.Line("return true;");
            }

            _w.Line();
        }

        /// <summary>
        /// A property per parameter, then one per moment (its value lowered by <paramref name="lower"/>, narrowed by
        /// <paramref name="narrow"/>), except a moment that a parameter already is (a location parameter that is the mean).
        /// </summary>
        public void EmitProperties(IReadOnlyList<Moment> moments, System.Func<Expr, string> lower, System.Func<string, string> narrow)
        {
            foreach (var p in _parameters)
            {
                _w.Summary(SourceWriter.Escape(p.Meaning));
                _c.ExpressionMember("public " + _c.ReadonlyMember + _c.T + " " + p.PropertyName, "_" + p.Name, isProperty: true);
                _w.Line();
            }

            foreach (var moment in moments)
            {
                if (_parameters.Any(p => p.PropertyName == moment.Name))
                {
                    continue;
                }

                _w.Summary(SourceWriter.Escape(moment.Formula) + ".");
                _c.ExpressionMember("public " + _c.ReadonlyMember + _c.T + " " + moment.Name, narrow(lower(moment.Value)), isProperty: true);
                _w.Line();
            }
        }
    }
}

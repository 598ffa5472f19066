using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Writes the implementation of one <c>[KLDivergence]</c>/<c>[CrossEntropy]</c> method: the re-declared
    /// containing types, and the method with the declaration's modifiers, whose body is one of the four methods of
    /// <see cref="DivergenceMethods"/>, with a comment saying which and why. Reads only the model; the code it writes
    /// calls only the public members of the two generated family types (and the runtime's <c>DiscreteMath</c>).
    /// </summary>
    internal static class DivergenceEmitter
    {
        /// <summary>The file of one method (its hint name comes from <see cref="HintNames"/>): the frame, then the method.</summary>
        public static string Emit(DivergenceSpec spec)
        {
            var w = new SourceWriter();
            var containers = spec.ContainingTypes.Select((type, i) =>
                i == spec.ContainingTypes.Count - 1 ? "static partial class " + type.Name : "partial " + type.Keyword + " " + type.Name);
            return FileFrame.Write(
                w,
                "[" + spec.Measure + "] on " + spec.ContainingDisplayName + "." + spec.MethodName + "(" + spec.P.Family.DisplayName + ", "
                    + spec.Q.Family.DisplayName + ").",
                Array.Empty<string>(),
                spec.Namespace,
                containers,
                () => new Body(spec, w).Emit(),
                spec.NamesObsoleteTypes ? new[] { ObsoleteSuppression.Pragma } : null);
        }

        /// <summary>The method itself: the comment, the signature, and the body of the chosen method.</summary>
        private sealed class Body
        {
            private readonly DivergenceSpec _spec;
            private readonly SourceWriter _w;
            private readonly FamilyRef _p;
            private readonly FamilyRef _q;
            private readonly string _pn;
            private readonly string _qn;
            private readonly bool _kl;
            private readonly bool _single;

            public Body(DivergenceSpec spec, SourceWriter writer)
            {
                _spec = spec;
                _w = writer;
                _p = spec.P.Family;
                _q = spec.Q.Family;
                _pn = spec.P.Name;
                _qn = spec.Q.Name;
                _kl = spec.Measure == DivergenceMeasure.KLDivergence;
                _single = _p.Precision == PrecisionKind.Single;
            }

            private string T => _single ? "float" : "double";

            private string Infinity => _single ? "float.PositiveInfinity" : "double.PositiveInfinity";

            /// <summary>A local's name, renamed if a parameter already uses it.</summary>
            private string L(string name)
            {
                while (name == _pn || name == _qn || name == "@" + _pn || name == "@" + _qn || ("@" + name) == _pn || ("@" + name) == _qn)
                {
                    name += "_";
                }

                return name;
            }

            /// <summary><c>return</c> of a double expression, narrowed to float where the method returns float.</summary>
            private void ReturnDouble(string expression) =>
                _w.Line(_single ? "return (float)(" + expression + ");" : "return " + expression + ";");

            /// <summary>A T-valued expression widened to double (only float needs the cast).</summary>
            private string D(string expression) => _single ? "(double)" + expression : expression;

            private string Quantity => _kl ? "D(P‖Q)" : "H(P, Q)";

            public void Emit()
            {
                var method = DivergenceMethods.Choose(_p, _q, _spec.Measure);
                string pDesc = "[" + DivergenceMethods.Describe(_p) + "]";
                string qDesc = "[" + DivergenceMethods.Describe(_q) + "]";
                bool densities = DivergenceMethods.IsContinuous(_p);
                _w.Line(densities
                    ? _kl
                        ? "// The Kullback–Leibler divergence D(P‖Q) = ∫ p(x)·log(p(x)/q(x)) dx in nats,"
                        : "// The cross-entropy H(P, Q) = −∫ p(x)·log q(x) dx = H(P) + D(P‖Q) in nats (differential: it may be negative),"
                    : _kl
                        ? "// The Kullback–Leibler divergence D(P‖Q) = Σₖ p(k)·log(p(k)/q(k)) in nats,"
                        : "// The cross-entropy H(P, Q) = −Σₖ p(k)·log q(k) = H(P) + D(P‖Q) in nats,");
                _w.Line("// P = " + _p.DisplayName + " " + pDesc + ", support " + DivergenceMethods.Support(_p) + ";");
                _w.Line("// Q = " + _q.DisplayName + " " + qDesc + ", support " + DivergenceMethods.Support(_q) + "; both in " + T + ".");
                _w.Line(densities
                    ? _kl
                        ? "// Conventions: +∞ (never NaN) where Q's density is 0 on a set of positive P-probability; never negative (a negative residue is 0)."
                        : "// Conventions: +∞ (never NaN) where Q's density is 0 on a set of positive P-probability."
                    : _kl
                        ? "// Conventions: 0·log 0 = 0; +∞ (never NaN) where q(k) = 0 < p(k); never negative (a negative rounding residue is 0)."
                        : "// Conventions: 0·log q = 0 where p(k) = 0; +∞ (never NaN) where q(k) = 0 < p(k).");
                if (_single)
                {
                    _w.Line("// float: the families' float values; where this method sums terms, it sums them in double.");
                }

                if (_spec.Tolerance > 0 && method != DivergenceMethod.TruncatedSeries)
                {
                    _w.Line("// Tolerance = " + R(_spec.Tolerance) + " is not used: an exact method exists for this pair.");
                }

                switch (method)
                {
                    case DivergenceMethod.ClosedForm:
                        EmitClosedForm();
                        break;
                    case DivergenceMethod.InfiniteBySupport:
                        EmitInfiniteBySupport();
                        break;
                    case DivergenceMethod.FiniteSummation:
                        EmitFiniteSummation();
                        break;
                    default:
                        EmitTruncatedSeries();
                        break;
                }
            }

            private static string Parameter(DivergenceParameter parameter) =>
                (parameter.IsIn ? "in " : string.Empty) + parameter.Family.FullyQualifiedName + (parameter.IsNullableAnnotated ? "?" : string.Empty) + " " + parameter.Name;

            private void NullChecks()
            {
                foreach (var parameter in new[] { _spec.P, _spec.Q })
                {
                    if (!parameter.Family.IsStruct)
                    {
                        _w.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
                    }
                }
            }

            // ---- 1. closed forms -------------------------------------------------------------------------------

            private void EmitClosedForm()
            {
                var kind = DivergenceMethods.ClosedForm(_p, _q, _spec.Measure);
                string member = _kl ? "KLDivergence" : "CrossEntropy";
                switch (kind)
                {
                    case ClosedFormKind.SameFamily when DivergenceMethods.Row(_p).ProbabilityVector is { } vector:
                        _w.Line("// Method 1 of 4, closed form: P and Q are both " + DivergenceMethods.Describe(_p) + ", so this is P's own " + member + " kernel");
                        _w.Line("// on the two probability vectors (" + _p.DisplayName + "." + member + "(ReadOnlySpan, ReadOnlySpan)).");
                        WriteBody(() => _w.Line("return " + _p.FullyQualifiedName + "." + member + "(" + _pn + "." + vector + ", " + _qn + "." + vector + ");"));
                        return;
                    case ClosedFormKind.SameFamily:
                    case ClosedFormKind.ParametersCarryOver:
                        string why = kind == ClosedFormKind.SameFamily
                            ? "P and Q are both " + DivergenceMethods.Describe(_p)
                            : DivergenceMethods.SpecialCaseBetween(_p, _q)!.Value.Case.Prose;
                        string arguments = ParameterArguments(_q, _qn);
                        bool sameType = _p.FullyQualifiedName == _q.FullyQualifiedName;
                        _w.Line("// Method 1 of 4, closed form: " + why + ", so this is P's own closed-form " + member);
                        _w.Line(sameType
                            ? "// (the two parameters have the same type)."
                            : "// applied to Q's parameters carried over into P's type (" + DivergenceMethods.Describe(_p) + " with " + ParameterProse(_q) + " of Q).");
                        WriteBody(() => _w.Line("return " + _pn + "." + member + "(" + (sameType ? "in " + _qn : "new " + _p.FullyQualifiedName + "(" + arguments + ")") + ");"));
                        return;
                    case ClosedFormKind.GeneralFormula:
                        EmitGeneralFormula();
                        return;
                    default:
                        EmitPair(DivergenceMethods.Pair(_p, _q, _spec.Measure)!);
                        return;
                }
            }

            /// <summary>The instance's parameters as constructor arguments: <c>q.R, q.P</c>.</summary>
            private static string ParameterArguments(FamilyRef family, string name) =>
                string.Join(", ", DivergenceMethods.Row(family).Parameters.Select(parameter => name + "." + parameter.PropertyName));

            /// <summary>The parameters as prose: <c>r and p</c>, <c>the rate</c> (a one-letter name stands alone).</summary>
            private static string ParameterProse(FamilyRef family) =>
                string.Join(" and ", DivergenceMethods.Row(family).Parameters.Select(parameter => parameter.Name.Length == 1 ? parameter.Name : "the " + parameter.Name));

            /// <summary>
            /// One family is a special case of the other with a parameter fixed: the general family's closed-form KL, with
            /// the special side's fixed parameters as constants and its other parameters read by name.
            /// </summary>
            private void EmitGeneralFormula()
            {
                var (special, pIsSpecial) = DivergenceMethods.SpecialCaseBetween(_p, _q)!.Value;
                var general = FamilyCatalogue.Of(special.Of);
                var specialRow = DivergenceMethods.Row(pIsSpecial ? _p : _q);
                string fixedProse = string.Join(", ", special.Fixed.Select(f => f.Name + " = " + R(f.Value)));
                _w.Line("// Method 1 of 4, closed form: " + special.Prose + ", so this is " + general.Name + "'s KL divergence");
                _w.Line("// with " + fixedProse + " on " + (pIsSpecial ? "P" : "Q") + "'s side (" + specialRow.Name + "), computed in double by the formula");
                string[] parts = general.KLFormula!.Split(new[] { "; " }, StringSplitOptions.None);
                for (int i = 0; i < parts.Length; i++)
                {
                    _w.Line("// " + parts[i] + (i < parts.Length - 1 || !_kl ? ";" : "."));
                }

                if (!_kl)
                {
                    _w.Line("// and H(P, Q) = H(P) + D(P‖Q) with P's own entropy.");
                }

                string Bind(string name)
                {
                    bool ofQ = name.StartsWith("q.", StringComparison.Ordinal);
                    string bare = ofQ ? name.Substring(2) : name;
                    if (ofQ != pIsSpecial && special.Fixed.FirstOrDefault(f => f.Name == bare) is { } fixedValue)
                    {
                        return Ir.Lowering.Literal(fixedValue.Value, PrecisionKind.Double);
                    }

                    var family = ofQ ? _q : _p;
                    var parameter = DivergenceMethods.Row(family).Parameters.First(x => x.Name == bare);
                    return D((ofQ ? _qn : _pn) + "." + parameter.PropertyName);
                }

                string kl = new ScalarLowering(PrecisionKind.Double, Bind).Lower(general.KLDivergence(pIsSpecial ? _q.Size : _p.Size)!);
                WriteBody(() => ReturnDouble(_kl ? kl : D(_pn + ".Entropy()") + " + " + kl));
            }

            /// <summary>A closed form written for the pair in P's catalogue row: its comment, its lets, max(result, 0).</summary>
            private void EmitPair(PairClosedForm form)
            {
                for (int i = 0; i < form.Comment.Count; i++)
                {
                    _w.Line(i == 0 ? "// Method 1 of 4, closed form: " + form.Comment[i] : "// " + form.Comment[i]);
                }

                var locals = new Dictionary<string, string>(StringComparer.Ordinal);
                var lowering = new ScalarLowering(
                    PrecisionKind.Double, name => locals[name], side => side == Side.P ? _pn : _qn, _single ? "(double)" : string.Empty);
                WriteBody(() =>
                {
                    foreach (var let in form.Lets)
                    {
                        string value = lowering.Lower(let.Value);
                        locals[let.Name] = L(let.Name);
                        _w.Line("double " + locals[let.Name] + " = " + value + ";");
                    }

                    string result = L(_kl ? "kl" : "h");
                    _w.Line("double " + result + " = " + lowering.Lower(form.Result) + ";");
                    ReturnDouble(form.MayBeNegative ? result : result + " > 0d ? " + result + " : 0d");
                });
            }

            /// <summary>The attribute, the signature, the null checks of class-typed parameters, then <paramref name="body"/>.</summary>
            private void WriteBody(Action body)
            {
                if (!_spec.IsDocumented)
                {
                    WriteDocumentation();
                }

                _w.Line(Emitter.GeneratedCodeAttribute(FileFrame.ToolVersion));
                using (_w.Block(_spec.Modifiers + " " + _spec.ReturnType + " " + _spec.MethodName + "(" + Parameter(_spec.P) + ", " + Parameter(_spec.Q) + ")"))
                {
                    NullChecks();
                    body();
                    if (_usesTerm)
                    {
                        _w.Line();
                        WriteTermFunction();
                    }
                }
            }

            private bool _usesTerm;

            /// <summary>
            /// The XML documentation of a method the user declared without one (so that a documented public API gets no
            /// CS1591 and its readers see what the method computes).
            /// </summary>
            private void WriteDocumentation()
            {
                string P(DivergenceParameter parameter) => parameter.Name.TrimStart('@');
                string method = DivergenceMethods.Choose(_p, _q, _spec.Measure) switch
                {
                    DivergenceMethod.ClosedForm => "a closed form",
                    DivergenceMethod.InfiniteBySupport => "+∞ by support, except where P is the point mass at 0",
                    DivergenceMethod.FiniteSummation => "exact summation over P's support",
                    _ => "a truncated series, to a remaining mass of P below " + R(_spec.Tolerance),
                };
                _w.Line("/// <summary>");
                bool densities = DivergenceMethods.IsContinuous(_p);
                string kl = densities ? "∫ p(x)·log(p(x)/q(x)) dx" : "Σₖ p(k)·log(p(k)/q(k))";
                string h = densities ? "−∫ p(x)·log q(x) dx" : "−Σₖ p(k)·log q(k)";
                _w.Line(_kl
                    ? "/// The Kullback–Leibler divergence D(P‖Q) = " + kl + " in nats, of P = <paramref name=\"" + P(_spec.P) + "\"/> from Q = <paramref name=\"" + P(_spec.Q) + "\"/>:"
                    : "/// The cross-entropy H(P, Q) = " + h + " in nats, of P = <paramref name=\"" + P(_spec.P) + "\"/> and Q = <paramref name=\"" + P(_spec.Q) + "\"/>:");
                _w.Line("/// " + method + " (generated; the comment in the generated source says why).");
                _w.Line("/// </summary>");
                _w.Line("/// <param name=\"" + P(_spec.P) + "\">P, a " + DivergenceMethods.Describe(_p) + " distribution.</param>");
                _w.Line("/// <param name=\"" + P(_spec.Q) + "\">Q, a " + DivergenceMethods.Describe(_q) + " distribution.</param>");
                _w.Line(densities
                    ? _kl
                        ? "/// <returns>D(P‖Q) ≥ 0; +∞ where Q's density is 0 on a set that P gives positive probability.</returns>"
                        : "/// <returns>H(P, Q), which may be negative for densities; +∞ where Q's density is 0 on a set that P gives positive probability.</returns>"
                    : _kl
                        ? "/// <returns>D(P‖Q) ≥ 0; +∞ where Q has no mass at an outcome P can take.</returns>"
                        : "/// <returns>H(P, Q) ≥ 0; +∞ where Q has no mass at an outcome P can take.</returns>");
                if (!_p.IsStruct || !_q.IsStruct)
                {
                    _w.Line("/// <exception cref=\"global::System.ArgumentNullException\">A class-typed argument is null.</exception>");
                }

                if (DivergenceMethods.Choose(_p, _q, _spec.Measure) == DivergenceMethod.TruncatedSeries)
                {
                    _w.Line("/// <exception cref=\"global::System.ArgumentException\">P is too wide for the series to reach the tolerance within "
                        + DivergenceMethods.MaxSeriesTerms.ToString("N0", CultureInfo.InvariantCulture) + " terms.</exception>");
                }
            }

            private string TermName => L(_kl ? "KLTerm" : "CrossEntropyTerm");

            /// <summary>The call of the per-outcome term for outcome <paramref name="k"/> (a literal or a local).</summary>
            private string TermCall(string k)
            {
                _usesTerm = true;
                return PmfIsCached
                    ? TermName + "(" + _pn + ".Pmf(" + k + "), " + _pn + ".LogPmf(" + k + "), " + _qn + ".LogPmf(" + k + "))"
                    : TermName + "(" + _pn + ".LogPmf(" + k + "), " + _qn + ".LogPmf(" + k + "))";
            }

            /// <summary>
            /// Families that store their probabilities make p(k) a lookup; the others compute Pmf(k) as exp(LogPmf(k)), so
            /// the term takes the exponential of the log-pmf it already has instead (<see cref="DivergenceFacts.StoresProbabilities"/>).
            /// </summary>
            private bool PmfIsCached => DivergenceMethods.Facts(_p).StoresProbabilities;

            private void WriteTermFunction()
            {
                // In the series the caller has p(k) already; in sums over count families only the log-pmf.
                bool withPk = PmfIsCached || DivergenceMethods.Choose(_p, _q, _spec.Measure) == DivergenceMethod.TruncatedSeries;
                string pk = withPk ? "pk" : "global::System.Math.Exp(logPk)";
                _w.Line(_kl
                    ? "// p(k)·(log p(k) − log q(k)): 0 where p(k) = 0 (log p(k) = −∞), whatever q(k) is; +∞ where q(k) = 0 < p(k), never NaN."
                    : "// −p(k)·log q(k): 0 where p(k) = 0 (log p(k) = −∞), whatever q(k) is; +∞ where q(k) = 0 < p(k), never NaN.");
                _w.Line("static double " + TermName + "(" + (withPk ? "double pk, " : string.Empty) + "double logPk, double logQk) =>");
                _w.Line("    logPk == double.NegativeInfinity ? 0d");
                _w.Line("    : logQk == double.NegativeInfinity ? double.PositiveInfinity");
                _w.Line(_kl ? "    : " + pk + " * (logPk - logQk);" : "    : -" + pk + " * logQk;");
            }

            private string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

            /// <summary>
            /// <c>sum += term(k)</c> for k = 0 … <paramref name="max"/>: straight-line code for at most
            /// <see cref="DivergenceMethods.UnrollThreshold"/> outcomes, a loop above.
            /// </summary>
            private void EmitSum(string sum, long max)
            {
                long size = max + 1;
                _w.Line("double " + sum + " = 0d;");
                if (size <= DivergenceMethods.UnrollThreshold)
                {
                    _w.Line("// support size " + Count(size) + " ≤ " + Count(DivergenceMethods.UnrollThreshold) + ": unrolled.");
                    for (long k = 0; k <= max; k++)
                    {
                        _w.Line(sum + " += " + TermCall(Count(k)) + ";");
                    }

                    return;
                }

                string k2 = L("k");
                _w.Line("// support size " + Count(size) + " > " + Count(DivergenceMethods.UnrollThreshold) + ": a loop.");
                if (max < int.MaxValue)
                {
                    using (_w.Block("for (int " + k2 + " = 0; " + k2 + " <= " + Count(max) + "; " + k2 + "++)"))
                    {
                        _w.Line(sum + " += " + TermCall(k2) + ";");
                    }

                    _w.Line();
                }
                else
                {
                    // k ≤ int.MaxValue would never end in int arithmetic.
                    using (_w.Block("for (long " + k2 + " = 0; " + k2 + " <= " + Count(max) + "L; " + k2 + "++)"))
                    {
                        _w.Line(sum + " += " + TermCall("(int)" + k2) + ";");
                    }

                    _w.Line();
                }
            }

            private void ReturnSum(string sum)
            {
                if (_kl)
                {
                    ReturnDouble(sum + " > 0d ? " + sum + " : 0d");
                }
                else
                {
                    ReturnDouble(sum);
                }
            }

            // ---- 2. +∞ by support ------------------------------------------------------------------------------

            private void EmitInfiniteBySupport()
            {
                long maxQ = DivergenceMethods.MaxOutcome(_q)!.Value;
                long? maxP = DivergenceMethods.MaxOutcome(_p);
                string beyond = DivergenceMethods.OutsideOf(_p, _q);
                string? condition = DivergenceMethods.Facts(_p).PointMass is { } pointMass
                    ? new ScalarLowering(_p.Precision, name => name, side => side == Side.P ? _pn : _qn).Lower(pointMass.Condition)
                    : null;
                _w.Line("// Method 2 of 4, +∞ by support: Q gives no mass to " + beyond + ", where P = " + DivergenceMethods.Describe(_p) + " can put mass.");
                if (condition is not null)
                {
                    _w.Line("// Decided at compile time, except where a run-time parameter makes P the point mass at 0 ("
                        + DivergenceMethods.PointMassAtZeroProse(_p) + "): then " + Quantity + " = −log q(0), +∞ where q(0) = 0.");
                    WriteBody(() =>
                    {
                        string atZero = L("atZero");
                        using (_w.Block("if (" + condition + ")"))
                        {
                            _w.Line("double " + atZero + " = -" + D(_qn + ".LogPmf(0)") + ";");
                            ReturnDouble(atZero + " > 0d ? " + atZero + " : 0d");
                        }

                        _w.Line();
                        _w.Line("return " + Infinity + ";");
                    });
                    return;
                }

                // No single parameter value narrows P's support (a probability vector may be 0 anywhere): a run-time fact.
                _w.Line("// P's probabilities may be 0 there, so this is decided at run time: +∞ if P puts mass on " + beyond + ";");
                _w.Line("// otherwise method 3, exact summation over the outcomes 0 … " + Count(maxQ) + " that Q's support " + DivergenceMethods.Support(_q) + " covers.");
                WriteBody(() =>
                {
                    long first = maxQ + 1, last = maxP!.Value;
                    long count = last - first + 1;
                    string zero = _single ? "0f" : "0d";
                    if (count <= DivergenceMethods.UnrollThreshold)
                    {
                        _w.Line("// " + Count(count) + " outcome(s) outside Q's support, ≤ " + Count(DivergenceMethods.UnrollThreshold) + ": unrolled.");
                        for (long k = first; k < last; k++)
                        {
                            _w.Line((k == first ? "if (" : "    || ") + _pn + ".Pmf(" + Count(k) + ") > " + zero);
                        }

                        using (_w.Block((first == last ? "if (" : "    || ") + _pn + ".Pmf(" + Count(last) + ") > " + zero + ")"))
                        {
                            _w.Line("return " + Infinity + ";");
                        }
                    }
                    else
                    {
                        _w.Line("// " + Count(count) + " outcomes outside Q's support, > " + Count(DivergenceMethods.UnrollThreshold) + ": a loop.");
                        string k = L("k");
                        using (_w.Block("for (int " + k + " = " + Count(first) + "; " + k + " <= " + Count(last) + "; " + k + "++)"))
                        using (_w.Block("if (" + _pn + ".Pmf(" + k + ") > " + zero + ")"))
                        {
                            _w.Line("return " + Infinity + ";");
                        }
                    }

                    _w.Line();
                    string sum = L("sum");
                    EmitSum(sum, maxQ);
                    ReturnSum(sum);
                });
            }

            // ---- 3. exact summation over P's finite support ----------------------------------------------------

            private void EmitFiniteSummation()
            {
                long maxP = DivergenceMethods.MaxOutcome(_p)!.Value;
                _w.Line("// Method 3 of 4, exact summation: P's support " + DivergenceMethods.Support(_p) + " is finite and inside Q's "
                    + DivergenceMethods.Support(_q) + ", and no closed form");
                _w.Line("// is known for " + DivergenceMethods.Describe(_p) + "‖" + DivergenceMethods.Describe(_q) + ", so this is the sum over P's support of "
                    + (_kl ? "p(k)·(log p(k) − log q(k))" : "−p(k)·log q(k)") + " with both families' log-pmfs.");
                WriteBody(() =>
                {
                    string sum = L("sum");
                    EmitSum(sum, maxP);
                    ReturnSum(sum);
                });
            }

            // ---- 4. truncated series ---------------------------------------------------------------------------

            private void EmitTruncatedSeries()
            {
                string tolerance = R(_spec.Tolerance);
                string attribute = "[" + _spec.Measure + "(Tolerance = " + tolerance + ")]";
                var tail = DivergenceMethods.Facts(_p).Tail!;
                string ratio = tail.Prose;
                _w.Line("// Method 4 of 4, truncated series (opted in with " + attribute + "): no exact method exists, because");
                _w.Line("// " + DivergenceMethods.WhyNoExactMethod(_p, _q) + ".");
                _w.Line("// The sum runs over k = 0, 1, 2, … and stops after the first k at which the remaining mass of P,");
                _w.Line("// R(k) = Σ_{j>k} p(j), is provably below the tolerance: once p(j+1)/p(j) ≤ ρ < 1 for all j ≥ k (k is past P's mode),");
                _w.Line("// R(k) ≤ p(k)·ρ/(1 − ρ), with " + ratio + ".");
                _w.Line("// (This bound, unlike 1 − Σ p(j), loses no digits to cancellation.)");
                _w.Line(_kl
                    ? "// Neglected: the tail Σ_{j>k} p(j)·log(p(j)/q(j)), at most R(k)·max_{j>k} |log(p(j)/q(j))|: below the tolerance times the tail's largest log-ratio."
                    : "// Neglected: the tail −Σ_{j>k} p(j)·log q(j), at most R(k)·max_{j>k} |log q(j)|: below the tolerance times the tail's largest −log q(j).");
                _w.Line("// Hard cap: " + DivergenceMethods.MaxSeriesTerms.ToString("N0", CultureInfo.InvariantCulture)
                    + " terms; a P still wider than that (" + tail.TooWide + ") throws ArgumentException.");
                _w.Line("// The sum ends early at +∞ (Q has no mass at some k where P has).");
                WriteBody(() =>
                {
                    string sum = L("sum"), k = L("k"), logPk = L("logPk"), pk = L("pk"), rho = L("rho");
                    string maxTerms = L("MaxTerms"), toleranceName = L("Tolerance");
                    _w.Line("const int " + maxTerms + " = " + DivergenceMethods.MaxSeriesTerms.ToString(CultureInfo.InvariantCulture) + ";");
                    _w.Line("const double " + toleranceName + " = " + tolerance + "d;");
                    var locals = new Dictionary<string, string>(StringComparer.Ordinal) { ["k"] = k };
                    foreach (var local in tail.Locals)
                    {
                        locals[local.Name] = L(local.Name);
                        _w.Line("double " + locals[local.Name] + " = " + _pn + "." + local.Parameter.PropertyName + ";");
                    }

                    _w.Line("double " + sum + " = 0d;");
                    using (_w.Block("for (int " + k + " = 0; ; " + k + "++)"))
                    {
                        using (_w.Block("if (" + k + " == " + maxTerms + ")"))
                        {
                            _w.Line("throw new global::System.ArgumentException(\"The truncated series of " + _spec.MethodName + " did not bring the remaining mass of P below the tolerance within \" + " + maxTerms + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" terms: P is too wide for it.\", nameof(" + _pn + "));");
                        }

                        _w.Line();
                        _w.Line("double " + logPk + " = " + _pn + ".LogPmf(" + k + ");");
                        _w.Line("double " + pk + " = global::System.Math.Exp(" + logPk + ");");
                        _usesTerm = true;
                        _w.Line(sum + " += " + TermName + "(" + pk + ", " + logPk + ", " + _qn + ".LogPmf(" + k + "));");
                        using (_w.Block("if (" + sum + " == double.PositiveInfinity)"))
                        {
                            _w.Line("break;");
                        }

                        _w.Line();
                        string ratioExpression = new ScalarLowering(PrecisionKind.Double, name => locals[name]).Lower(tail.Ratio);
                        _w.Line("double " + rho + " = " + ratioExpression + ";");
                        using (_w.Block("if (" + rho + " < 1d && " + pk + " * (" + rho + " / (1d - " + rho + ")) < " + toleranceName + ")"))
                        {
                            _w.Line("break;");
                        }
                    }

                    _w.Line();
                    ReturnSum(sum);
                });
            }
        }

        private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}

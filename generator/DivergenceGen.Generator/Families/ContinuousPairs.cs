using System;
using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// The divergences between two continuous families, derived from their descriptions rather than written per pair:
    /// H(P, Q) = −E_P[log q(X)], and Q's log-density is linear in a few functions of x (x, (x − μ)², log x, (log x − μ)²,
    /// log(1 − x), |x − m|), so the cross-entropy is Q's <see cref="ContinuousFamily.ExpectedLogDensity"/> evaluated at P's
    /// <see cref="ContinuousFamily.Statistics"/>; D(P‖Q) = H(P, Q) − H(P). Where P's support is not inside Q's both are +∞:
    /// decided at compile time where the ends are constants (Normal‖Exponential), at run time where a parameter is an end
    /// (Uniform). Every pair of the seven families is covered; PyTorch's 28 registered continuous pairs are among them.
    /// </summary>
    internal static class ContinuousPairs
    {
        /// <summary>The continuous families, each with its kind.</summary>
        private static readonly (FamilyKind Kind, ContinuousFamily Family)[] Families =
        {
            (FamilyKind.Normal, Normal.Description),
            (FamilyKind.LogNormal, LogNormal.Description),
            (FamilyKind.Exponential, Exponential.Description),
            (FamilyKind.Gamma, Gamma.Description),
            (FamilyKind.Beta, Beta.Description),
            (FamilyKind.Laplace, Laplace.Description),
            (FamilyKind.Uniform, Uniform.Description),
        };

        /// <summary>The closed forms with <paramref name="p"/> as P and each other continuous family as Q, both measures.</summary>
        public static IReadOnlyList<PairClosedForm> With(ContinuousFamily p)
        {
            var forms = new List<PairClosedForm>();
            foreach (var (kind, q) in Families)
            {
                if (ReferenceEquals(q, p))
                {
                    continue;
                }

                forms.Add(Form(p, kind, q, DivergenceMeasure.KLDivergence));
                forms.Add(Form(p, kind, q, DivergenceMeasure.CrossEntropy));
            }

            return forms;
        }

        /// <summary>The support as text: "ℝ", "[0, ∞)", "(0, ∞)", "[0, 1]", "[lower, upper]".</summary>
        public static string SupportText(ContinuousFamily f)
        {
            string End(Boundary b) => b.Value is Const c ? Lowering.Literal(c.Value, PrecisionKind.Double).TrimEnd('d') : Formula.Show(b.Value);
            string lower = f.Lower is { } lo ? (lo.Closed ? "[" : "(") + End(lo) : "(−∞";
            string upper = f.Upper is { } hi ? End(hi) + (hi.Closed ? "]" : ")") : "∞)";
            return f.Lower is null && f.Upper is null ? "ℝ" : lower + ", " + upper;
        }

        private static PairClosedForm Form(ContinuousFamily p, FamilyKind qKind, ContinuousFamily q, DivergenceMeasure measure)
        {
            bool kl = measure == DivergenceMeasure.KLDivergence;
            string pair = p.Name + "‖" + q.Name;
            var conditions = new List<(Expr Test, string Text)>();
            bool never = false;
            void End(Boundary? pEnd, Boundary? qEnd, bool lower)
            {
                if (qEnd is null)
                {
                    return; // Q's support is unbounded on this side
                }

                if (pEnd is null)
                {
                    never = true; // P's is, Q's is not
                    return;
                }

                if (pEnd.Value is Const pc && qEnd.Value is Const qc)
                {
                    never |= lower ? pc.Value < qc.Value : pc.Value > qc.Value;
                    return;
                }

                Expr pv = OfSide(p, Side.P, pEnd.Value), qv = OfSide(q, Side.Q, Substitution.Rename(qEnd.Value, n => "q." + n));
                string Text(Boundary b, string side) => b.Value is Const ? Formula.Show(b.Value) : side + "'s " + Formula.Show(b.Value);
                conditions.Add(lower
                    ? (E.AtLeast(pv, qv), Text(pEnd, "P") + " ≥ " + Text(qEnd, "Q"))
                    : (E.AtMost(pv, qv), Text(pEnd, "P") + " ≤ " + Text(qEnd, "Q")));
            }

            End(p.Lower, q.Lower, lower: true);
            End(p.Upper, q.Upper, lower: false);
            string supports = "P's support " + SupportText(p) + ", Q's " + SupportText(q);
            if (never)
            {
                return new PairClosedForm(
                    qKind,
                    measure,
                    new[]
                    {
                        "+∞ by support: " + supports + ". P puts mass where Q's density is 0, for every parameter value",
                        "(decided at compile time), so " + (kl ? "D(P‖Q)" : "H(P, Q) = −E_P[log q(X)]") + " = +∞.",
                    },
                    Array.Empty<Let>(),
                    double.PositiveInfinity,
                    MayBeNegative: !kl);
            }

            // The statistics of P that Q's log-density reads, as locals in P's parameters.
            var names = new HashSet<string>(Substitution.Names(q.ExpectedLogDensity.Value), StringComparer.Ordinal);
            var lets = new List<Let>();
            var used = new List<StatisticForm>();
            foreach (Statistic kind in Enum.GetValues(typeof(Statistic)))
            {
                if (!names.Contains(LogDensityExpectation.StatisticName(kind)))
                {
                    continue;
                }

                var statistic = p.Statistics.FirstOrDefault(s => s.Kind == kind)
                    ?? throw new InvalidOperationException(pair + ": P has no " + kind + ", which Q's log-density reads, and the supports may overlap.");
                Expr expectation = OfSide(p, Side.P, statistic.Value);
                if (kind == Statistic.AbsoluteDeviation)
                {
                    Expr about = OfSide(q, Side.Q, q.ExpectedLogDensity.DeviationAbout
                        ?? throw new InvalidOperationException(q.Name + " reads E|X − m| without saying what m is."));
                    expectation = Substitution.Replace(expectation, n => n == "m" ? about : null);
                }

                lets.Add(new Let(LogDensityExpectation.StatisticName(kind), expectation));
                used.Add(statistic);
            }

            Expr expected = OfSide(q, Side.Q, q.ExpectedLogDensity.Value);
            lets.Add(new Let("crossEntropy", expected is Unary { Op: UnaryOp.Negate } negated ? negated.Operand : -expected));
            Expr value = kl ? E.Ref("crossEntropy") - new MemberOf(Side.P, "Entropy") : E.Ref("crossEntropy");
            Expr result = value;
            foreach (var (test, _) in Enumerable.Reverse(conditions))
            {
                result = E.Select(test, result, double.PositiveInfinity);
            }

            var comment = new List<string>
            {
                (kl ? "D(P‖Q) = H(P, Q) − H(P) with " : string.Empty) + "H(P, Q) = −E_P[log q(X)], and Q = " + q.Name + " has",
                q.ExpectedLogDensity.Formula + ",",
                "so only " + (used.Count == 0 ? "the supports count" : "these expectations of P = " + p.Name + " count: "
                    + string.Join("; ", used.Select(u => StatisticText(u.Kind) + " = " + u.Formula))) + ".",
            };
            if (conditions.Count > 0)
            {
                comment.Add(supports + ": +∞ unless " + string.Join(" and ", conditions.Select(c => c.Text)) + " (at run time).");
            }

            if (kl)
            {
                comment.Add("H(P) is P's own closed-form entropy. The difference cancels where the two laws nearly agree (the value's");
                comment.Add("absolute error is then a few ε·|H(P, Q)|); a rounding residue below 0 is returned as 0.");
            }
            else
            {
                comment.Add("A differential cross-entropy may be negative: it is returned as it is.");
            }

            return new PairClosedForm(qKind, measure, comment, lets, result, MayBeNegative: !kl);
        }

        /// <summary>A statistic as text: <c>E[log X]</c>.</summary>
        private static string StatisticText(Statistic kind) => kind switch
        {
            Statistic.Mean => "E[X]",
            Statistic.Variance => "Var[X]",
            Statistic.MeanLog => "E[log X]",
            Statistic.VarianceLog => "Var[log X]",
            Statistic.MeanLog1m => "E[log(1 − X)]",
            _ => "E|X − m|",
        };

        /// <summary>
        /// <paramref name="e"/> with the family's parameters replaced by the instance's properties on <paramref name="side"/>:
        /// plain names for P (a statistic's formula, a support end), <c>q.</c> names for Q (its expected log-density, a
        /// support end written for Q).
        /// </summary>
        private static Expr OfSide(ContinuousFamily f, Side side, Expr e) => Substitution.Replace(e, name =>
        {
            // A Q formula names its parameters q.name (its plain names are P's statistics: "mean" is also Normal's μ).
            bool ofQ = name.StartsWith("q.", StringComparison.Ordinal);
            if (ofQ != (side == Side.Q))
            {
                return null;
            }

            string plain = ofQ ? name.Substring(2) : name;
            var parameter = f.Parameters.FirstOrDefault(x => x.Name == plain);
            return parameter is null ? null : new ParameterOf(side, parameter.PropertyName);
        });
    }
}

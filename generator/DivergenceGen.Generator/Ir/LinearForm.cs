using System.Collections.Generic;
using System.Linq;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// An expression as c + Σ aⱼ·atomⱼ, with constant c and aⱼ and each atom a non-constant sub-expression compared by value
    /// (issue 16: whether an exponential family's log h(x) is linear in its sufficient statistics T(x), so that
    /// E[log h(X)] = c + a·E[T(X)] = c + a·∇A(η) and the entropy is derivable). Only sums, differences, negations and
    /// products or quotients by constants are opened; a sub-expression that reads no name (log 2π) is part of c, kept
    /// as IR; anything else is one atom.
    /// </summary>
    internal static class LinearForm
    {
        public static (Expr Constant, Dictionary<Expr, double> Terms) Of(Expr expr)
        {
            var terms = new Dictionary<Expr, double>();
            double constant = 0;
            Expr? constantTerms = null; // sub-expressions that read no name (log(2π)): constant, kept as IR
            void Add(Expr e, double factor)
            {
                switch (e)
                {
                    case Const c:
                        constant += factor * c.Value;
                        break;
                    case var _ when Substitution.Names(e).Count == 0:
                        var scaled = factor == 1 ? e : factor * e;
                        constantTerms = constantTerms is null ? scaled : constantTerms + scaled;
                        break;
                    case Unary { Op: UnaryOp.Negate } u:
                        Add(u.Operand, -factor);
                        break;
                    case Binary { Op: BinaryOp.Add } b:
                        Add(b.Left, factor);
                        Add(b.Right, factor);
                        break;
                    case Binary { Op: BinaryOp.Subtract } b:
                        Add(b.Left, factor);
                        Add(b.Right, -factor);
                        break;
                    case Binary { Op: BinaryOp.Multiply, Left: Const c } b:
                        Add(b.Right, factor * c.Value);
                        break;
                    case Binary { Op: BinaryOp.Multiply, Right: Const c } b:
                        Add(b.Left, factor * c.Value);
                        break;
                    case Binary { Op: BinaryOp.Divide, Right: Const { Value: not 0 } c } b:
                        Add(b.Left, factor / c.Value);
                        break;
                    default:
                        terms[e] = (terms.TryGetValue(e, out double a) ? a : 0) + factor;
                        break;
                }
            }

            Add(expr, 1);
            foreach (var zero in terms.Where(t => t.Value == 0).Select(t => t.Key).ToList())
            {
                terms.Remove(zero);
            }

            Expr total = constantTerms is null ? new Const(constant) : constant == 0 ? constantTerms : new Const(constant) + constantTerms;
            return (total, terms);
        }

        /// <summary>
        /// log h = c + Σᵢ aᵢ·Tᵢ when every Tᵢ is one atom times a nonzero constant plus a constant, and every atom of log h is
        /// one of theirs: (c as IR reading no name, a); otherwise null.
        /// </summary>
        public static (Expr Constant, double[] Coefficients)? InTermsOf(Expr logH, IReadOnlyList<Expr> statistics)
        {
            var (constant, terms) = Of(logH);
            var coefficients = new double[statistics.Count];
            var atoms = new Dictionary<Expr, int>();
            var forms = statistics.Select(Of).ToList();
            for (int i = 0; i < forms.Count; i++)
            {
                if (forms[i].Terms.Count == 1 && !atoms.ContainsKey(forms[i].Terms.Keys.First()))
                {
                    atoms[forms[i].Terms.Keys.First()] = i;
                }
            }

            foreach (var term in terms)
            {
                if (!atoms.TryGetValue(term.Key, out int i))
                {
                    return null;
                }

                // a·(k·atom + b) = a·k·atom + a·b: a = coefficient/k, and a·b leaves the constant.
                double k = forms[i].Terms[term.Key];
                coefficients[i] = term.Value / k;
                if (forms[i].Constant is not Const { Value: 0 })
                {
                    constant -= coefficients[i] * forms[i].Constant;
                }
            }

            return (constant, coefficients);
        }
    }
}

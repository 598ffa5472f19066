using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Intrinsics;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The runtime's vector maths is written once per function and copied to the other widths at build time
    /// ([WidthTemplate], generator/DivergenceGen.WidthTemplates): every public function of <see cref="VectorMath"/> exists
    /// at each of the three widths, for each precision it has, with the same shape. (A template the build did not copy
    /// would leave a width out without a compile error when nothing in the library calls it; the numeric tests then call
    /// every overload.)
    /// </summary>
    public sealed class WidthCopiesTests
    {
        private static readonly Type[] Widths = { typeof(Vector128<>), typeof(Vector256<>), typeof(Vector512<>) };

        [Fact]
        public void EveryPublicVectorFunction_ExistsAtEveryWidth()
        {
            var methods = typeof(VectorMath).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Select(m => (Method: m, Width: WidthOf(m)))
                .Where(m => m.Width >= 0)
                .ToArray();
            Assert.True(methods.Length >= 60, $"only {methods.Length} public vector methods found");

            var shapes = methods
                .GroupBy(m => Shape(m.Method))
                .ToArray();
            foreach (var shape in shapes)
            {
                var widths = shape.Select(m => m.Width).OrderBy(w => w).ToArray();
                Assert.True(widths.SequenceEqual(new[] { 0, 1, 2 }),
                    $"{shape.Key}: at widths {string.Join(", ", widths.Select(w => 128 << w))}, not 128, 256 and 512");
            }

            // Each function of the issue's list at both precisions.
            foreach (string name in new[] { "Log", "Log1p", "Exp", "LogRatio", "XLogRatio", "Deviance", "ExpMinusOneMinus", "Expm1" })
            {
                Assert.Equal(6, methods.Count(m => m.Method.Name == name && !m.Method.IsGenericMethodDefinition));
            }
        }

        private static int WidthOf(MethodInfo method)
        {
            var parameters = method.GetParameters();
            if (parameters.Length == 0 || !parameters[0].ParameterType.IsGenericType)
            {
                return -1;
            }

            return Array.IndexOf(Widths, parameters[0].ParameterType.GetGenericTypeDefinition());
        }

        // The signature with the width taken out: name, generic arity, element types, return type.
        private static string Shape(MethodInfo method) =>
            $"{method.Name}`{(method.IsGenericMethodDefinition ? method.GetGenericArguments().Length : 0)}(" +
            string.Join(", ", method.GetParameters().Select(p => Erase(p.ParameterType))) + ") → " + Erase(method.ReturnType);

        private static string Erase(Type type) =>
            type.IsGenericType && Array.IndexOf(Widths, type.GetGenericTypeDefinition()) >= 0
                ? "VectorN<" + type.GetGenericArguments()[0].Name + ">"
                : type.Name;
    }
}

namespace DivergenceGen
{
    /// <summary>
    /// IncompleteGamma's double-double pieces, opened to the other special functions of the runtime
    /// (StandardNormal, IncompleteBeta) so that one copy of each exists.
    /// </summary>
    public static partial class IncompleteGamma
    {
        /// <summary>factor·e^(high + low), rounded once into the subnormal range (see ExpTimes).</summary>
        internal static double ScaledExp(double high, double low, double factor) => ExpTimes(high, low, factor);

        /// <summary>ln z as a double-double to ~2⁻⁹⁰ for positive finite z, subnormals included (see LogDoubleDouble).</summary>
        internal static double LogTwoPart(double z, out double low) => LogDoubleDouble(z, out low);

        /// <summary>Loader's bd0(a, x) = a·ln(a/x) + x − a as a double-double (see DevianceDoubleDouble).</summary>
        internal static double DevianceTwoPart(double a, double x, out double low) => DevianceDoubleDouble(a, x, out low);

        /// <summary>The rounding error of sum = a + b (TwoSum).</summary>
        internal static double TwoSumError(double a, double b, double sum) => SumError(a, b, sum);

        /// <summary>e^v − 1 with relative accuracy (see Expm1).</summary>
        internal static double ExpMinusOne(double v) => Expm1(v);
    }
}

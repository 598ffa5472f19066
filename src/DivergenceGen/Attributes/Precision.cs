namespace DivergenceGen
{
    /// <summary>The floating-point type the generated members compute in.</summary>
    public enum Precision
    {
        /// <summary><see cref="double"/> (the default): about 16 significant digits.</summary>
        Double = 0,

        /// <summary><see cref="float"/>: about 7 significant digits, twice the SIMD width.</summary>
        Single = 1,
    }
}

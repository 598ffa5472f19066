// [KLDivergence] and [CrossEntropy] methods between every ordered pair of the seven continuous families (the same
// family included), and a table that reaches them by name for ContinuousPairTests. Written once by hand from the list of
// families (ContinuousPairTests checks that every pair of the reference data has an entry).
using System;
using System.Collections.Generic;

namespace DivergenceGen.Tests.Continuous
{
    /// <summary>The generated divergences between continuous families.</summary>
    public static partial class ContinuousPairs
    {
        [KLDivergence] public static partial double KL(in Norm p, in Norm q);

        [CrossEntropy] public static partial double H(in Norm p, in Norm q);

        [KLDivergence] public static partial double KL(in Norm p, in LogNorm q);

        [CrossEntropy] public static partial double H(in Norm p, in LogNorm q);

        [KLDivergence] public static partial double KL(in Norm p, in Expo q);

        [CrossEntropy] public static partial double H(in Norm p, in Expo q);

        [KLDivergence] public static partial double KL(in Norm p, in Gam q);

        [CrossEntropy] public static partial double H(in Norm p, in Gam q);

        [KLDivergence] public static partial double KL(in Norm p, in Bet q);

        [CrossEntropy] public static partial double H(in Norm p, in Bet q);

        [KLDivergence] public static partial double KL(in Norm p, in Lap q);

        [CrossEntropy] public static partial double H(in Norm p, in Lap q);

        [KLDivergence] public static partial double KL(in Norm p, in Uni q);

        [CrossEntropy] public static partial double H(in Norm p, in Uni q);

        [KLDivergence] public static partial double KL(in LogNorm p, in Norm q);

        [CrossEntropy] public static partial double H(in LogNorm p, in Norm q);

        [KLDivergence] public static partial double KL(in LogNorm p, in LogNorm q);

        [CrossEntropy] public static partial double H(in LogNorm p, in LogNorm q);

        [KLDivergence] public static partial double KL(in LogNorm p, in Expo q);

        [CrossEntropy] public static partial double H(in LogNorm p, in Expo q);

        [KLDivergence] public static partial double KL(in LogNorm p, in Gam q);

        [CrossEntropy] public static partial double H(in LogNorm p, in Gam q);

        [KLDivergence] public static partial double KL(in LogNorm p, in Bet q);

        [CrossEntropy] public static partial double H(in LogNorm p, in Bet q);

        [KLDivergence] public static partial double KL(in LogNorm p, in Lap q);

        [CrossEntropy] public static partial double H(in LogNorm p, in Lap q);

        [KLDivergence] public static partial double KL(in LogNorm p, in Uni q);

        [CrossEntropy] public static partial double H(in LogNorm p, in Uni q);

        [KLDivergence] public static partial double KL(in Expo p, in Norm q);

        [CrossEntropy] public static partial double H(in Expo p, in Norm q);

        [KLDivergence] public static partial double KL(in Expo p, in LogNorm q);

        [CrossEntropy] public static partial double H(in Expo p, in LogNorm q);

        [KLDivergence] public static partial double KL(in Expo p, in Expo q);

        [CrossEntropy] public static partial double H(in Expo p, in Expo q);

        [KLDivergence] public static partial double KL(in Expo p, in Gam q);

        [CrossEntropy] public static partial double H(in Expo p, in Gam q);

        [KLDivergence] public static partial double KL(in Expo p, in Bet q);

        [CrossEntropy] public static partial double H(in Expo p, in Bet q);

        [KLDivergence] public static partial double KL(in Expo p, in Lap q);

        [CrossEntropy] public static partial double H(in Expo p, in Lap q);

        [KLDivergence] public static partial double KL(in Expo p, in Uni q);

        [CrossEntropy] public static partial double H(in Expo p, in Uni q);

        [KLDivergence] public static partial double KL(in Gam p, in Norm q);

        [CrossEntropy] public static partial double H(in Gam p, in Norm q);

        [KLDivergence] public static partial double KL(in Gam p, in LogNorm q);

        [CrossEntropy] public static partial double H(in Gam p, in LogNorm q);

        [KLDivergence] public static partial double KL(in Gam p, in Expo q);

        [CrossEntropy] public static partial double H(in Gam p, in Expo q);

        [KLDivergence] public static partial double KL(in Gam p, in Gam q);

        [CrossEntropy] public static partial double H(in Gam p, in Gam q);

        [KLDivergence] public static partial double KL(in Gam p, in Bet q);

        [CrossEntropy] public static partial double H(in Gam p, in Bet q);

        [KLDivergence] public static partial double KL(in Gam p, in Lap q);

        [CrossEntropy] public static partial double H(in Gam p, in Lap q);

        [KLDivergence] public static partial double KL(in Gam p, in Uni q);

        [CrossEntropy] public static partial double H(in Gam p, in Uni q);

        [KLDivergence] public static partial double KL(in Bet p, in Norm q);

        [CrossEntropy] public static partial double H(in Bet p, in Norm q);

        [KLDivergence] public static partial double KL(in Bet p, in LogNorm q);

        [CrossEntropy] public static partial double H(in Bet p, in LogNorm q);

        [KLDivergence] public static partial double KL(in Bet p, in Expo q);

        [CrossEntropy] public static partial double H(in Bet p, in Expo q);

        [KLDivergence] public static partial double KL(in Bet p, in Gam q);

        [CrossEntropy] public static partial double H(in Bet p, in Gam q);

        [KLDivergence] public static partial double KL(in Bet p, in Bet q);

        [CrossEntropy] public static partial double H(in Bet p, in Bet q);

        [KLDivergence] public static partial double KL(in Bet p, in Lap q);

        [CrossEntropy] public static partial double H(in Bet p, in Lap q);

        [KLDivergence] public static partial double KL(in Bet p, in Uni q);

        [CrossEntropy] public static partial double H(in Bet p, in Uni q);

        [KLDivergence] public static partial double KL(in Lap p, in Norm q);

        [CrossEntropy] public static partial double H(in Lap p, in Norm q);

        [KLDivergence] public static partial double KL(in Lap p, in LogNorm q);

        [CrossEntropy] public static partial double H(in Lap p, in LogNorm q);

        [KLDivergence] public static partial double KL(in Lap p, in Expo q);

        [CrossEntropy] public static partial double H(in Lap p, in Expo q);

        [KLDivergence] public static partial double KL(in Lap p, in Gam q);

        [CrossEntropy] public static partial double H(in Lap p, in Gam q);

        [KLDivergence] public static partial double KL(in Lap p, in Bet q);

        [CrossEntropy] public static partial double H(in Lap p, in Bet q);

        [KLDivergence] public static partial double KL(in Lap p, in Lap q);

        [CrossEntropy] public static partial double H(in Lap p, in Lap q);

        [KLDivergence] public static partial double KL(in Lap p, in Uni q);

        [CrossEntropy] public static partial double H(in Lap p, in Uni q);

        [KLDivergence] public static partial double KL(in Uni p, in Norm q);

        [CrossEntropy] public static partial double H(in Uni p, in Norm q);

        [KLDivergence] public static partial double KL(in Uni p, in LogNorm q);

        [CrossEntropy] public static partial double H(in Uni p, in LogNorm q);

        [KLDivergence] public static partial double KL(in Uni p, in Expo q);

        [CrossEntropy] public static partial double H(in Uni p, in Expo q);

        [KLDivergence] public static partial double KL(in Uni p, in Gam q);

        [CrossEntropy] public static partial double H(in Uni p, in Gam q);

        [KLDivergence] public static partial double KL(in Uni p, in Bet q);

        [CrossEntropy] public static partial double H(in Uni p, in Bet q);

        [KLDivergence] public static partial double KL(in Uni p, in Lap q);

        [CrossEntropy] public static partial double H(in Uni p, in Lap q);

        [KLDivergence] public static partial double KL(in Uni p, in Uni q);

        [CrossEntropy] public static partial double H(in Uni p, in Uni q);

        /// <summary>(kind, P's family, Q's family) → the method, on parameters in constructor order.</summary>
        internal static readonly Dictionary<(string Kind, string P, string Q), Func<double[], double[], double>> Methods = new()
        {
            [("kl", "Normal", "Normal")] = (a, b) => KL(new Norm(a[0], a[1]), new Norm(b[0], b[1])),
            [("cross_entropy", "Normal", "Normal")] = (a, b) => H(new Norm(a[0], a[1]), new Norm(b[0], b[1])),
            [("kl", "Normal", "LogNormal")] = (a, b) => KL(new Norm(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("cross_entropy", "Normal", "LogNormal")] = (a, b) => H(new Norm(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("kl", "Normal", "Exponential")] = (a, b) => KL(new Norm(a[0], a[1]), new Expo(b[0])),
            [("cross_entropy", "Normal", "Exponential")] = (a, b) => H(new Norm(a[0], a[1]), new Expo(b[0])),
            [("kl", "Normal", "Gamma")] = (a, b) => KL(new Norm(a[0], a[1]), new Gam(b[0], b[1])),
            [("cross_entropy", "Normal", "Gamma")] = (a, b) => H(new Norm(a[0], a[1]), new Gam(b[0], b[1])),
            [("kl", "Normal", "Beta")] = (a, b) => KL(new Norm(a[0], a[1]), new Bet(b[0], b[1])),
            [("cross_entropy", "Normal", "Beta")] = (a, b) => H(new Norm(a[0], a[1]), new Bet(b[0], b[1])),
            [("kl", "Normal", "Laplace")] = (a, b) => KL(new Norm(a[0], a[1]), new Lap(b[0], b[1])),
            [("cross_entropy", "Normal", "Laplace")] = (a, b) => H(new Norm(a[0], a[1]), new Lap(b[0], b[1])),
            [("kl", "Normal", "Uniform")] = (a, b) => KL(new Norm(a[0], a[1]), new Uni(b[0], b[1])),
            [("cross_entropy", "Normal", "Uniform")] = (a, b) => H(new Norm(a[0], a[1]), new Uni(b[0], b[1])),
            [("kl", "LogNormal", "Normal")] = (a, b) => KL(new LogNorm(a[0], a[1]), new Norm(b[0], b[1])),
            [("cross_entropy", "LogNormal", "Normal")] = (a, b) => H(new LogNorm(a[0], a[1]), new Norm(b[0], b[1])),
            [("kl", "LogNormal", "LogNormal")] = (a, b) => KL(new LogNorm(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("cross_entropy", "LogNormal", "LogNormal")] = (a, b) => H(new LogNorm(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("kl", "LogNormal", "Exponential")] = (a, b) => KL(new LogNorm(a[0], a[1]), new Expo(b[0])),
            [("cross_entropy", "LogNormal", "Exponential")] = (a, b) => H(new LogNorm(a[0], a[1]), new Expo(b[0])),
            [("kl", "LogNormal", "Gamma")] = (a, b) => KL(new LogNorm(a[0], a[1]), new Gam(b[0], b[1])),
            [("cross_entropy", "LogNormal", "Gamma")] = (a, b) => H(new LogNorm(a[0], a[1]), new Gam(b[0], b[1])),
            [("kl", "LogNormal", "Beta")] = (a, b) => KL(new LogNorm(a[0], a[1]), new Bet(b[0], b[1])),
            [("cross_entropy", "LogNormal", "Beta")] = (a, b) => H(new LogNorm(a[0], a[1]), new Bet(b[0], b[1])),
            [("kl", "LogNormal", "Laplace")] = (a, b) => KL(new LogNorm(a[0], a[1]), new Lap(b[0], b[1])),
            [("cross_entropy", "LogNormal", "Laplace")] = (a, b) => H(new LogNorm(a[0], a[1]), new Lap(b[0], b[1])),
            [("kl", "LogNormal", "Uniform")] = (a, b) => KL(new LogNorm(a[0], a[1]), new Uni(b[0], b[1])),
            [("cross_entropy", "LogNormal", "Uniform")] = (a, b) => H(new LogNorm(a[0], a[1]), new Uni(b[0], b[1])),
            [("kl", "Exponential", "Normal")] = (a, b) => KL(new Expo(a[0]), new Norm(b[0], b[1])),
            [("cross_entropy", "Exponential", "Normal")] = (a, b) => H(new Expo(a[0]), new Norm(b[0], b[1])),
            [("kl", "Exponential", "LogNormal")] = (a, b) => KL(new Expo(a[0]), new LogNorm(b[0], b[1])),
            [("cross_entropy", "Exponential", "LogNormal")] = (a, b) => H(new Expo(a[0]), new LogNorm(b[0], b[1])),
            [("kl", "Exponential", "Exponential")] = (a, b) => KL(new Expo(a[0]), new Expo(b[0])),
            [("cross_entropy", "Exponential", "Exponential")] = (a, b) => H(new Expo(a[0]), new Expo(b[0])),
            [("kl", "Exponential", "Gamma")] = (a, b) => KL(new Expo(a[0]), new Gam(b[0], b[1])),
            [("cross_entropy", "Exponential", "Gamma")] = (a, b) => H(new Expo(a[0]), new Gam(b[0], b[1])),
            [("kl", "Exponential", "Beta")] = (a, b) => KL(new Expo(a[0]), new Bet(b[0], b[1])),
            [("cross_entropy", "Exponential", "Beta")] = (a, b) => H(new Expo(a[0]), new Bet(b[0], b[1])),
            [("kl", "Exponential", "Laplace")] = (a, b) => KL(new Expo(a[0]), new Lap(b[0], b[1])),
            [("cross_entropy", "Exponential", "Laplace")] = (a, b) => H(new Expo(a[0]), new Lap(b[0], b[1])),
            [("kl", "Exponential", "Uniform")] = (a, b) => KL(new Expo(a[0]), new Uni(b[0], b[1])),
            [("cross_entropy", "Exponential", "Uniform")] = (a, b) => H(new Expo(a[0]), new Uni(b[0], b[1])),
            [("kl", "Gamma", "Normal")] = (a, b) => KL(new Gam(a[0], a[1]), new Norm(b[0], b[1])),
            [("cross_entropy", "Gamma", "Normal")] = (a, b) => H(new Gam(a[0], a[1]), new Norm(b[0], b[1])),
            [("kl", "Gamma", "LogNormal")] = (a, b) => KL(new Gam(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("cross_entropy", "Gamma", "LogNormal")] = (a, b) => H(new Gam(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("kl", "Gamma", "Exponential")] = (a, b) => KL(new Gam(a[0], a[1]), new Expo(b[0])),
            [("cross_entropy", "Gamma", "Exponential")] = (a, b) => H(new Gam(a[0], a[1]), new Expo(b[0])),
            [("kl", "Gamma", "Gamma")] = (a, b) => KL(new Gam(a[0], a[1]), new Gam(b[0], b[1])),
            [("cross_entropy", "Gamma", "Gamma")] = (a, b) => H(new Gam(a[0], a[1]), new Gam(b[0], b[1])),
            [("kl", "Gamma", "Beta")] = (a, b) => KL(new Gam(a[0], a[1]), new Bet(b[0], b[1])),
            [("cross_entropy", "Gamma", "Beta")] = (a, b) => H(new Gam(a[0], a[1]), new Bet(b[0], b[1])),
            [("kl", "Gamma", "Laplace")] = (a, b) => KL(new Gam(a[0], a[1]), new Lap(b[0], b[1])),
            [("cross_entropy", "Gamma", "Laplace")] = (a, b) => H(new Gam(a[0], a[1]), new Lap(b[0], b[1])),
            [("kl", "Gamma", "Uniform")] = (a, b) => KL(new Gam(a[0], a[1]), new Uni(b[0], b[1])),
            [("cross_entropy", "Gamma", "Uniform")] = (a, b) => H(new Gam(a[0], a[1]), new Uni(b[0], b[1])),
            [("kl", "Beta", "Normal")] = (a, b) => KL(new Bet(a[0], a[1]), new Norm(b[0], b[1])),
            [("cross_entropy", "Beta", "Normal")] = (a, b) => H(new Bet(a[0], a[1]), new Norm(b[0], b[1])),
            [("kl", "Beta", "LogNormal")] = (a, b) => KL(new Bet(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("cross_entropy", "Beta", "LogNormal")] = (a, b) => H(new Bet(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("kl", "Beta", "Exponential")] = (a, b) => KL(new Bet(a[0], a[1]), new Expo(b[0])),
            [("cross_entropy", "Beta", "Exponential")] = (a, b) => H(new Bet(a[0], a[1]), new Expo(b[0])),
            [("kl", "Beta", "Gamma")] = (a, b) => KL(new Bet(a[0], a[1]), new Gam(b[0], b[1])),
            [("cross_entropy", "Beta", "Gamma")] = (a, b) => H(new Bet(a[0], a[1]), new Gam(b[0], b[1])),
            [("kl", "Beta", "Beta")] = (a, b) => KL(new Bet(a[0], a[1]), new Bet(b[0], b[1])),
            [("cross_entropy", "Beta", "Beta")] = (a, b) => H(new Bet(a[0], a[1]), new Bet(b[0], b[1])),
            [("kl", "Beta", "Laplace")] = (a, b) => KL(new Bet(a[0], a[1]), new Lap(b[0], b[1])),
            [("cross_entropy", "Beta", "Laplace")] = (a, b) => H(new Bet(a[0], a[1]), new Lap(b[0], b[1])),
            [("kl", "Beta", "Uniform")] = (a, b) => KL(new Bet(a[0], a[1]), new Uni(b[0], b[1])),
            [("cross_entropy", "Beta", "Uniform")] = (a, b) => H(new Bet(a[0], a[1]), new Uni(b[0], b[1])),
            [("kl", "Laplace", "Normal")] = (a, b) => KL(new Lap(a[0], a[1]), new Norm(b[0], b[1])),
            [("cross_entropy", "Laplace", "Normal")] = (a, b) => H(new Lap(a[0], a[1]), new Norm(b[0], b[1])),
            [("kl", "Laplace", "LogNormal")] = (a, b) => KL(new Lap(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("cross_entropy", "Laplace", "LogNormal")] = (a, b) => H(new Lap(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("kl", "Laplace", "Exponential")] = (a, b) => KL(new Lap(a[0], a[1]), new Expo(b[0])),
            [("cross_entropy", "Laplace", "Exponential")] = (a, b) => H(new Lap(a[0], a[1]), new Expo(b[0])),
            [("kl", "Laplace", "Gamma")] = (a, b) => KL(new Lap(a[0], a[1]), new Gam(b[0], b[1])),
            [("cross_entropy", "Laplace", "Gamma")] = (a, b) => H(new Lap(a[0], a[1]), new Gam(b[0], b[1])),
            [("kl", "Laplace", "Beta")] = (a, b) => KL(new Lap(a[0], a[1]), new Bet(b[0], b[1])),
            [("cross_entropy", "Laplace", "Beta")] = (a, b) => H(new Lap(a[0], a[1]), new Bet(b[0], b[1])),
            [("kl", "Laplace", "Laplace")] = (a, b) => KL(new Lap(a[0], a[1]), new Lap(b[0], b[1])),
            [("cross_entropy", "Laplace", "Laplace")] = (a, b) => H(new Lap(a[0], a[1]), new Lap(b[0], b[1])),
            [("kl", "Laplace", "Uniform")] = (a, b) => KL(new Lap(a[0], a[1]), new Uni(b[0], b[1])),
            [("cross_entropy", "Laplace", "Uniform")] = (a, b) => H(new Lap(a[0], a[1]), new Uni(b[0], b[1])),
            [("kl", "Uniform", "Normal")] = (a, b) => KL(new Uni(a[0], a[1]), new Norm(b[0], b[1])),
            [("cross_entropy", "Uniform", "Normal")] = (a, b) => H(new Uni(a[0], a[1]), new Norm(b[0], b[1])),
            [("kl", "Uniform", "LogNormal")] = (a, b) => KL(new Uni(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("cross_entropy", "Uniform", "LogNormal")] = (a, b) => H(new Uni(a[0], a[1]), new LogNorm(b[0], b[1])),
            [("kl", "Uniform", "Exponential")] = (a, b) => KL(new Uni(a[0], a[1]), new Expo(b[0])),
            [("cross_entropy", "Uniform", "Exponential")] = (a, b) => H(new Uni(a[0], a[1]), new Expo(b[0])),
            [("kl", "Uniform", "Gamma")] = (a, b) => KL(new Uni(a[0], a[1]), new Gam(b[0], b[1])),
            [("cross_entropy", "Uniform", "Gamma")] = (a, b) => H(new Uni(a[0], a[1]), new Gam(b[0], b[1])),
            [("kl", "Uniform", "Beta")] = (a, b) => KL(new Uni(a[0], a[1]), new Bet(b[0], b[1])),
            [("cross_entropy", "Uniform", "Beta")] = (a, b) => H(new Uni(a[0], a[1]), new Bet(b[0], b[1])),
            [("kl", "Uniform", "Laplace")] = (a, b) => KL(new Uni(a[0], a[1]), new Lap(b[0], b[1])),
            [("cross_entropy", "Uniform", "Laplace")] = (a, b) => H(new Uni(a[0], a[1]), new Lap(b[0], b[1])),
            [("kl", "Uniform", "Uniform")] = (a, b) => KL(new Uni(a[0], a[1]), new Uni(b[0], b[1])),
            [("cross_entropy", "Uniform", "Uniform")] = (a, b) => H(new Uni(a[0], a[1]), new Uni(b[0], b[1])),
        };
    }
}

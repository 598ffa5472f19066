// The generated kernels branch on Vector512/256/128.IsHardwareAccelerated, so a run of this suite checks only the
// branches of its machine's widest width (and the scalar tails). CI therefore runs the suite again under
// DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0 (.ci/run). A switch that silently does
// nothing would make such a run a copy of the default one (on .NET 10, DOTNET_EnableAVX512F=0 is such a switch:
// Vector512 stays accelerated), so each restricted run states the width it expects in
// DIVERGENCEGEN_EXPECTED_VECTOR_WIDTH and the test below fails when the process has another.
using System;
using System.IO;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests
{
    public sealed class VectorWidthTests
    {
        /// <summary>Set by .ci/run for a restricted run: 512, 256, 128 or 0 (no accelerated vectors).</summary>
        public const string ExpectedWidthVariable = "DIVERGENCEGEN_EXPECTED_VECTOR_WIDTH";

        /// <summary>Set by .ci/run for the probe run: a file to write this process's widest width to.</summary>
        public const string ReportFileVariable = "DIVERGENCEGEN_VECTOR_WIDTH_REPORT";

        private readonly ITestOutputHelper _output;

        public VectorWidthTests(ITestOutputHelper output) => _output = output;

        /// <summary>The widest vector width the generated code takes in this process (0: the scalar paths only).</summary>
        public static int WidestAcceleratedWidth() =>
            Vector512.IsHardwareAccelerated ? 512
            : Vector256.IsHardwareAccelerated ? 256
            : Vector128.IsHardwareAccelerated ? 128
            : 0;

        [Fact]
        public void RunHasTheWidthItClaims()
        {
            int actual = WidestAcceleratedWidth();
            _output.WriteLine($"widest accelerated vector width: {actual}");
            if (Environment.GetEnvironmentVariable(ReportFileVariable) is { Length: > 0 } report)
            {
                File.WriteAllText(report, actual.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // The widths nest: a width is accelerated only if every narrower one is (the kernels' if/else chains
            // rely on it: a Vector512 branch uses Vector256/128 for its remainder).
            Assert.True(!Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated, "Vector512 accelerated without Vector256");
            Assert.True(!Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "Vector256 accelerated without Vector128");

            string? claim = Environment.GetEnvironmentVariable(ExpectedWidthVariable);
            if (string.IsNullOrEmpty(claim))
            {
                return; // the default run claims nothing: it has whatever the machine has (printed above)
            }

            Assert.True(int.TryParse(claim, out int expected) && expected is 0 or 128 or 256 or 512,
                $"{ExpectedWidthVariable} must be 0, 128, 256 or 512, but was '{claim}'");
            Assert.True(expected == actual,
                $"This run claims the widest accelerated vector width {expected} ({ExpectedWidthVariable}), but the process has {actual}: " +
                $"the DOTNET_Enable… switch of this run did not take effect (DOTNET_EnableAVX512={Env("DOTNET_EnableAVX512")}, " +
                $"DOTNET_EnableAVX2={Env("DOTNET_EnableAVX2")}, DOTNET_EnableHWIntrinsic={Env("DOTNET_EnableHWIntrinsic")}, " +
                $"DOTNET_PreferredVectorBitWidth={Env("DOTNET_PreferredVectorBitWidth")}).");
        }

        private static string Env(string name) => Environment.GetEnvironmentVariable(name) ?? "(unset)";
    }
}

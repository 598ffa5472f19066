// A classifier trained with a generated loss: softmax regression on Gaussian blobs.
//
// Four overlapping Gaussian blobs in the plane (a seeded synthetic sample, and a second seeded sample held out) are
// separated by a linear model, logits = X·Wᵀ + b, trained by full-batch gradient descent with momentum on the mean
// softmax cross-entropy. The loss and its gradient with respect to the logits come from one call of the generated
// BlobLoss.LossAndGradient (a [SoftmaxCrossEntropy(4)] declaration, below); the chain rule from the logits to W and b
// is SoftmaxRegression.Backward. The trained model is then evaluated on the held-out sample, where the generated
// [NllLoss(4)] applied to log-softmax values must give the same number as the softmax cross-entropy of the logits, and
// its mean loss is also given as a perplexity and in bits (InformationUnits).
//
// Then distillation: a fresh student model learns from the trained model's logits alone, never seeing a label, by
// minimising the generated [KLDivergenceLoss(4, Temperature = 2)] between the softened teacher and student outputs.
//
// Writes two PNGs (ScottPlot): the loss per epoch, and the decision regions with the training points. Everything is
// seeded, so the output and the images are the same on every run. Numbers are printed with the invariant culture.
using System;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DivergenceGen;

namespace Classifier;

/// <summary>Mean softmax cross-entropy over the four blob classes (logits N × 4, class-index targets).</summary>
[SoftmaxCrossEntropy(4)]
internal static partial class BlobLoss;

/// <summary>Mean negative log-likelihood over the four classes, on log-probabilities (N × 4).</summary>
[NllLoss(4)]
internal static partial class BlobNll;

/// <summary>Distillation: T²·KL(softmax(teacher/T) ‖ softmax(student/T)) averaged over rows, T = 2.</summary>
[KLDivergenceLoss(4, Temperature = 2)]
internal static partial class BlobDistillation;

internal static class Program
{
    private const int Classes = BlobLoss.Classes;
    private const int PerClass = 100; // 400 training points, 400 held out
    private const int TrainSeed = 1, HeldOutSeed = 2;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;

        // ---- Options: --out <dir> (as "--out dir" or "--out=dir"), --help -----------------------------------------
        string outputDirectory = DefaultOutputDirectory();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h")
            {
                PrintUsage();
                return 0;
            }

            if (arg.StartsWith("--out=", StringComparison.Ordinal))
            {
                outputDirectory = arg["--out=".Length..];
            }
            else if (arg == "--out" && i + 1 < args.Length)
            {
                outputDirectory = args[++i];
            }
            else
            {
                return Fail(arg == "--out" ? "option --out needs a directory" : $"unknown option '{arg}' (try --help)");
            }
        }

        if (outputDirectory.Length == 0)
        {
            return Fail("option --out needs a directory");
        }

        Directory.CreateDirectory(outputDirectory);

        // ---- Data --------------------------------------------------------------------------------------------------
        DataSet train = Blobs.Sample(Classes, PerClass, TrainSeed);
        DataSet heldOut = Blobs.Sample(Classes, PerClass, HeldOutSeed);
        Console.WriteLine($"{Classes} Gaussian blobs (centres on a circle of radius {Blobs.Radius.ToString(Inv)}, sd {Blobs.Spread.ToString(Inv)}): "
                          + $"{train.Count} training points (seed {TrainSeed}), {heldOut.Count} held out (seed {HeldOutSeed}).");

        // ---- Training: softmax regression, mean softmax cross-entropy, gradient descent with momentum ---------------
        const int Epochs = 100;
        const double LearningRate = 0.03, Momentum = 0.9;
        Console.WriteLine();
        Console.WriteLine($"Softmax regression, {Epochs} epochs of full-batch gradient descent (η = {LearningRate.ToString(Inv)}, "
                          + $"momentum {Momentum.ToString(Inv)}) on BlobLoss.LossAndGradient:");
        var model = new SoftmaxRegression(Classes);
        double[] logits = new double[train.Count * Classes], logitGradient = new double[train.Count * Classes];
        double[] losses = GradientDescent.Minimise(
            model.Parameters,
            gradient =>
            {
                model.Logits(train.Features, logits);
                double loss = BlobLoss.LossAndGradient(logits, train.Labels, logitGradient); // ∂(mean loss)/∂logits
                model.Backward(train.Features, logitGradient, gradient);
                return loss;
            },
            Epochs, LearningRate, Momentum, printEvery: 10);

        // ---- Evaluation --------------------------------------------------------------------------------------------
        model.Logits(train.Features, logits);
        double trainLoss = BlobLoss.Loss(logits, train.Labels);
        double trainAccuracy = model.Accuracy(train), heldOutAccuracy = model.Accuracy(heldOut);

        // Held out: the same loss twice, fused from the logits and as NLL of the log-softmax computed here by hand.
        double[] heldOutLogits = new double[heldOut.Count * Classes], logProbabilities = new double[heldOut.Count * Classes];
        model.Logits(heldOut.Features, heldOutLogits);
        LogSoftmax(heldOutLogits, logProbabilities);
        double heldOutLoss = BlobLoss.Loss(heldOutLogits, heldOut.Labels);
        double heldOutNll = BlobNll.Loss(logProbabilities, heldOut.Labels);
        bool agree = Math.Abs(heldOutNll - heldOutLoss) <= 1e-12 * Math.Max(1, heldOutLoss);

        // ---- Distillation: a student learns from the teacher's logits alone (no labels) ------------------------------
        Console.WriteLine();
        Console.WriteLine($"Distillation: a new student, {Epochs} epochs on BlobDistillation.LossAndGradient "
                          + $"(T = {BlobDistillation.Temperature.ToString(Inv)}), the teacher's logits as the only targets:");
        var student = new SoftmaxRegression(Classes);
        double[] teacherLogits = new double[train.Count * Classes];
        model.Logits(train.Features, teacherLogits);
        double[] studentLogits = new double[train.Count * Classes], studentGradient = new double[train.Count * Classes];
        double[] distillationLosses = GradientDescent.Minimise(
            student.Parameters,
            gradient =>
            {
                student.Logits(train.Features, studentLogits);
                double loss = BlobDistillation.LossAndGradient(studentLogits, teacherLogits, studentGradient); // ∂/∂ student logits
                student.Backward(train.Features, studentGradient, gradient);
                return loss;
            },
            Epochs, LearningRate, Momentum, printEvery: 20);
        double studentAccuracy = student.Accuracy(heldOut);
        double agreement = Agreement(model, student, heldOut);

        Console.WriteLine();
        Console.WriteLine($"train:    loss {trainLoss.ToString("0.000000", Inv)}, accuracy {Percent(trainAccuracy)}");
        Console.WriteLine($"held out: loss {heldOutLoss.ToString("0.000000", Inv)}, accuracy {Percent(heldOutAccuracy)}");
        Console.WriteLine($"held out: NLL of log-softmax {heldOutNll.ToString("0.000000", Inv)} "
                          + $"{(agree ? "=" : "≠")} softmax cross-entropy (|difference| = {Math.Abs(heldOutNll - heldOutLoss).ToString("G3", Inv)})");
        Console.WriteLine($"held out: perplexity {InformationUnits.Perplexity(heldOutLoss).ToString("0.000", Inv)} of {Classes} classes, "
                          + $"{InformationUnits.NatsToBits(heldOutLoss).ToString("0.000", Inv)} bits per point");
        Console.WriteLine($"student:  held-out accuracy {Percent(studentAccuracy)}, agrees with the teacher on {Percent(agreement)} of the held-out points");

        // ---- Plots -------------------------------------------------------------------------------------------------
        string lossPath = Path.Combine(outputDirectory, "loss.png");
        string regionsPath = Path.Combine(outputDirectory, "regions.png");
        Plots.LossCurves(lossPath, "Softmax regression on 4 Gaussian blobs",
                         ("softmax cross-entropy (teacher, labels)", losses),
                         ("distillation T²·KL (student, teacher's logits)", distillationLosses));
        Plots.DecisionRegions(regionsPath,
                              $"Decision regions (train accuracy {Percent(trainAccuracy)}, held out {Percent(heldOutAccuracy)})",
                              model, train);
        Console.WriteLine();
        Console.WriteLine($"wrote {Shown(lossPath)} and {Shown(regionsPath)}");

        if (!agree || trainAccuracy < 0.8 || studentAccuracy < 0.8)
        {
            Console.Error.WriteLine(!agree ? "Classifier: NLL ≠ cross-entropy" : "Classifier: training did not reach 80 % accuracy");
            return 1;
        }

        return 0;
    }

    /// <summary>The fraction of points on which two models predict the same class.</summary>
    private static double Agreement(SoftmaxRegression a, SoftmaxRegression b, DataSet data)
    {
        double[] la = new double[data.Count * Classes], lb = new double[data.Count * Classes];
        a.Logits(data.Features, la);
        b.Logits(data.Features, lb);
        int same = 0;
        for (int i = 0; i < data.Count; i++)
        {
            same += ArgMax(la.AsSpan(i * Classes, Classes)) == ArgMax(lb.AsSpan(i * Classes, Classes)) ? 1 : 0;
        }

        return (double)same / data.Count;
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        int best = 0;
        for (int k = 1; k < row.Length; k++)
        {
            best = row[k] > row[best] ? k : best;
        }

        return best;
    }

    /// <summary>log pᵢₖ = xᵢₖ − (m + log Σₖ exp(xᵢₖ − m)), m the row maximum, for rows of <see cref="Classes"/> logits.</summary>
    private static void LogSoftmax(ReadOnlySpan<double> logits, Span<double> logProbabilities)
    {
        for (int row = 0; row < logits.Length; row += Classes)
        {
            ReadOnlySpan<double> x = logits.Slice(row, Classes);
            double max = double.NegativeInfinity, sum = 0;
            foreach (double v in x)
            {
                max = Math.Max(max, v);
            }

            foreach (double v in x)
            {
                sum += Math.Exp(v - max);
            }

            double logSumExp = max + Math.Log(sum);
            for (int k = 0; k < Classes; k++)
            {
                logProbabilities[row + k] = x[k] - logSumExp;
            }
        }
    }

    /// <summary>
    /// This example's own folder (where this source file is) when it exists on this machine, so that
    /// <c>dotnet run --project examples/Classifier</c> refreshes the PNGs the README shows; else the executable's folder.
    /// </summary>
    private static string DefaultOutputDirectory([CallerFilePath] string sourceFile = "")
    {
        string? directory = Path.GetDirectoryName(sourceFile);
        return !string.IsNullOrEmpty(directory) && Directory.Exists(directory) ? directory : AppContext.BaseDirectory;
    }

    /// <summary>A path relative to the current directory when it is below it (shorter to read), else as it is.</summary>
    private static string Shown(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }

    private static string Percent(double fraction) => (100 * fraction).ToString("0.0", Inv) + " %";

    private static int Fail(string message)
    {
        Console.Error.WriteLine("Classifier: " + message);
        return 2;
    }

    private static void PrintUsage()
    {
        Console.WriteLine("""
            Classifier — softmax regression on Gaussian blobs with a generated [SoftmaxCrossEntropy] loss.

            usage: dotnet run --project examples/Classifier -c Release -- [--out <dir>]

              --out <dir>     where to write loss.png and regions.png (created if missing;
                              default: the example's folder, examples/Classifier)
              --help          this text

            Prints the training loss every 10 epochs, the train and held-out accuracy and loss (also as perplexity and
            bits), checks that the generated [NllLoss] of the log-softmax equals the softmax cross-entropy on the
            held-out points, then distils the model into a new student with the generated [KLDivergenceLoss].
            Exit code 1 if that check fails or a model stays below 80 % accuracy, 2 on invalid options.
            """);
    }
}

using System;

namespace Classifier;

/// <summary>
/// A linear classifier of points in the plane: logits = X·Wᵀ + b with W (K × 2) and b (K). All parameters live in
/// one array, <see cref="Parameters"/> = [W row-major, b], so an optimiser can treat them as one vector and a
/// gradient has the same layout.
/// </summary>
internal sealed class SoftmaxRegression(int classes)
{
    public int Classes { get; } = classes;

    /// <summary>[W₀₀, W₀₁, W₁₀, W₁₁, …, b₀, b₁, …]: 2K weights, then K biases. Starts at 0 (every class equally likely).</summary>
    public double[] Parameters { get; } = new double[3 * classes];

    private ReadOnlySpan<double> W => Parameters.AsSpan(0, 2 * Classes);

    private ReadOnlySpan<double> B => Parameters.AsSpan(2 * Classes);

    /// <summary>logits[i, k] = W[k, 0]·x[i, 0] + W[k, 1]·x[i, 1] + b[k]; features N × 2, logits N × K.</summary>
    public void Logits(ReadOnlySpan<double> features, Span<double> logits)
    {
        ReadOnlySpan<double> w = W, b = B;
        int n = features.Length / 2;
        for (int i = 0; i < n; i++)
        {
            double x0 = features[2 * i], x1 = features[2 * i + 1];
            for (int k = 0; k < Classes; k++)
            {
                logits[i * Classes + k] = w[2 * k] * x0 + w[2 * k + 1] * x1 + b[k];
            }
        }
    }

    /// <summary>
    /// The chain rule from the gradient of a loss with respect to the logits (N × K) to its gradient with respect to
    /// <see cref="Parameters"/>: ∂L/∂W[k, j] = Σᵢ ∂L/∂logits[i, k] · x[i, j] and ∂L/∂b[k] = Σᵢ ∂L/∂logits[i, k].
    /// </summary>
    public void Backward(ReadOnlySpan<double> features, ReadOnlySpan<double> logitGradient, Span<double> parameterGradient)
    {
        Span<double> gw = parameterGradient[..(2 * Classes)], gb = parameterGradient.Slice(2 * Classes, Classes);
        gw.Clear();
        gb.Clear();
        int n = features.Length / 2;
        for (int i = 0; i < n; i++)
        {
            double x0 = features[2 * i], x1 = features[2 * i + 1];
            for (int k = 0; k < Classes; k++)
            {
                double g = logitGradient[i * Classes + k];
                gw[2 * k] += g * x0;
                gw[2 * k + 1] += g * x1;
                gb[k] += g;
            }
        }
    }

    /// <summary>The class with the largest logit (the first one on a tie).</summary>
    public int Predict(double x0, double x1)
    {
        ReadOnlySpan<double> w = W, b = B;
        int best = 0;
        double bestLogit = double.NegativeInfinity;
        for (int k = 0; k < Classes; k++)
        {
            double logit = w[2 * k] * x0 + w[2 * k + 1] * x1 + b[k];
            if (logit > bestLogit)
            {
                best = k;
                bestLogit = logit;
            }
        }

        return best;
    }

    /// <summary>The fraction of points whose predicted class is their label.</summary>
    public double Accuracy(DataSet data)
    {
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
        {
            if (Predict(data.Features[2 * i], data.Features[2 * i + 1]) == data.Labels[i])
            {
                correct++;
            }
        }

        return (double)correct / data.Count;
    }
}

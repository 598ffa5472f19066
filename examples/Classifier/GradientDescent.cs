using System;
using System.Globalization;

namespace Classifier;

/// <summary>Writes the gradient of a loss at the current parameters into <paramref name="gradient"/> and returns the loss.</summary>
internal delegate double Objective(Span<double> gradient);

/// <summary>Full-batch gradient descent with heavy-ball momentum: v ← μ·v − η·∇L(θ), θ ← θ + v.</summary>
internal static class GradientDescent
{
    /// <summary>
    /// Runs <paramref name="epochs"/> steps on <paramref name="parameters"/> (changed in place) and returns the loss of
    /// every epoch, measured before that epoch's step. Prints the loss every <paramref name="printEvery"/> epochs and
    /// at the last one.
    /// </summary>
    public static double[] Minimise(double[] parameters, Objective objective, int epochs, double learningRate,
                                    double momentum, int printEvery)
    {
        double[] gradient = new double[parameters.Length], velocity = new double[parameters.Length];
        double[] losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            losses[epoch] = objective(gradient);
            for (int j = 0; j < parameters.Length; j++)
            {
                velocity[j] = momentum * velocity[j] - learningRate * gradient[j];
                parameters[j] += velocity[j];
            }

            if (epoch % printEvery == 0 || epoch == epochs - 1)
            {
                Console.WriteLine($"  epoch {epoch.ToString(CultureInfo.InvariantCulture),4}  loss {losses[epoch].ToString("0.000000", CultureInfo.InvariantCulture)}");
            }
        }

        return losses;
    }
}

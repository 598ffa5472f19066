using System;
using System.IO;
using System.Text;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Whether TorchSharp-cpu can run here. Built only with -p:WithTorch=true (WITH_TORCH); where the native library does
/// not load (e.g. Debian 12: libLibTorchSharp.so needs GLIBCXX_3.4.32, the system libstdc++ has 3.4.30), the Torch
/// rows are skipped with a one-line reason instead of failing the run.
/// </summary>
public static class TorchSupport
{
    private static string? _reason;
    private static bool? _available;

    public static bool IsAvailable(out string reason)
    {
        if (_available is null)
        {
            _available = Probe(out _reason);
        }
        reason = _reason ?? "";
        return _available.Value;
    }

#if WITH_TORCH
    private static bool Probe(out string reason)
    {
        // TorchSharp traces its native-library search to the console when loading fails: keep the run to one line.
        TextWriter stdout = Console.Out;
        TextWriter stderr = Console.Error;
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        try
        {
            TorchSharp.torch.set_num_threads(1);
            using var t = TorchSharp.torch.ones(4);
            using var s = t.sum();
            if (s.item<float>() != 4f)
            {
                reason = "TorchSharp loaded but computed ones(4).sum() wrong";
                return false;
            }
            reason = $"TorchSharp loaded, {TorchSharp.torch.get_num_threads()} thread(s)";
            return true;
        }
        catch (Exception e)
        {
            reason = "TorchSharp rows skipped: the native library does not load here ("
                + (LibStdCxxLacks("GLIBCXX_3.4.32")
                    ? "libLibTorchSharp.so requires GLIBCXX_3.4.32, the system libstdc++ is older, e.g. Debian 12's 3.4.30"
                    : FirstLine(e))
                + ").";
            return false;
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    private static string FirstLine(Exception e)
    {
        while (e.InnerException is not null && e is TypeInitializationException)
        {
            e = e.InnerException;
        }
        string message = e.Message;
        int newline = message.IndexOf('\n');
        return e.GetType().Name + ": " + (newline < 0 ? message : message[..newline]).Trim();
    }

    private static bool LibStdCxxLacks(string version)
    {
        foreach (string path in new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" })
        {
            if (File.Exists(path))
            {
                byte[] bytes = File.ReadAllBytes(path);
                return bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(version + "\0")) < 0;
            }
        }
        return false;
    }
#else
    private static bool Probe(out string reason)
    {
        reason = "TorchSharp rows not built (they need -p:WithTorch=true, off by default: the native package is ~600 MB).";
        return false;
    }
#endif
}

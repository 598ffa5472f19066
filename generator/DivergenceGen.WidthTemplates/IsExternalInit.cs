namespace System.Runtime.CompilerServices
{
    // Records' init accessors on netstandard2.0.
    internal static class IsExternalInit
    {
    }
}

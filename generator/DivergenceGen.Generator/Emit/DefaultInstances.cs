using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// How a generated struct of a scalar-parameter family tells <c>default</c> apart from every constructed instance,
    /// from the description alone and without an extra field: a default struct holds 0 in every field.
    /// </summary>
    internal static class DefaultInstances
    {
        /// <summary>
        /// The C# test and its reason: <c>_x == 0</c> for the first parameter whose domain excludes 0 (a constructor
        /// rejects it); else <c>_x == 0 &amp; _logX == 0</c> for a parameter cached with its logarithm (a constructed
        /// instance with x = 0 caches log x = −∞, never 0). Null when neither applies (then the emitter needs a field).
        /// </summary>
        public static (string Test, string Why)? Test(IReadOnlyList<ScalarParameter> parameters, IReadOnlyList<CachedQuantity> cached)
        {
            var positive = parameters.FirstOrDefault(p => p.Domain is ParameterDomain.PositiveUnitInterval or ParameterDomain.PositiveReal);
            if (positive is not null)
            {
                return ("_" + positive.Name + " == 0",
                    "Default detection, no extra field: " + positive.Name + " = 0 is outside its domain (the constructor rejects it), so only\n"
                    + "default(T) holds it.");
            }

            foreach (var p in parameters)
            {
                var log = cached.FirstOrDefault(c => c.Value.Equals(E.Log(E.Ref(p.Name))));
                if (log is not null)
                {
                    return ("(_" + p.Name + " == 0) & (_" + log.Name + " == 0)",
                        "Default detection, no extra field: a constructed instance with " + p.Name + " = 0 caches log " + p.Name + " = −∞,\n"
                        + "so " + p.Name + " = 0 beside a cached 0 is only default(T). (& does not short-circuit: one branch.)");
                }
            }

            return null;
        }
    }
}

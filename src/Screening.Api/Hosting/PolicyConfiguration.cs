using System.ComponentModel.DataAnnotations;
using Screening.Domain.Policy;

namespace Screening.Api.Hosting;

/// <summary>
/// Binds the program policy from <c>Screening:Policy</c>: the named profile's values first, then any single value
/// overridden in configuration. An unknown setting, an unknown profile or an out-of-range value stops start-up.
/// </summary>
public static class PolicyConfiguration
{
    public const string Section = "Screening:Policy";

    public static ScreeningPolicy Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var policy = ScreeningPolicy.ForProfile(section[nameof(ScreeningPolicy.Profile)] ?? ScreeningPolicy.DefaultProfile);
        section.Bind(policy, binder => binder.ErrorOnUnknownConfiguration = true);

        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(policy, new ValidationContext(policy), errors, validateAllProperties: true))
        {
            throw new InvalidOperationException($"{Section} is not valid: " + string.Join(" ", errors.Select(e => $"{string.Join(",", e.MemberNames)}: {e.ErrorMessage}")));
        }

        return policy;
    }
}

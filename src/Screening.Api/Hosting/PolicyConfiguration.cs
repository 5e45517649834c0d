using System.ComponentModel.DataAnnotations;
using Screening.Api.Validation;
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
        var settings = typeof(ScreeningPolicy).GetProperties().Select(p => p.Name).ToArray();
        var unknown = section.GetChildren().Select(c => c.Key).Where(key => !settings.Contains(key, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidSettingException(string.Join(" ", unknown.Select(key =>
                $"{Section}:{key} is not a policy setting" + (Suggestions.Closest(key, settings) is { } known ? $" (did you mean {known}?)." : "."))));
        }

        ScreeningPolicy policy;
        try
        {
            policy = ScreeningPolicy.ForProfile(section[nameof(ScreeningPolicy.Profile)] ?? ScreeningPolicy.DefaultProfile);
            section.Bind(policy, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // An unknown profile, an unknown setting or a value of the wrong type: the binder's message names the setting.
            throw new InvalidSettingException($"{Section} is not valid: {exception.Message}");
        }

        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(policy, new ValidationContext(policy), errors, validateAllProperties: true))
        {
            throw new InvalidSettingException($"{Section} is not valid: " + string.Join(" ", errors.Select(e => $"{Section}:{string.Join(",", e.MemberNames)}: {e.ErrorMessage}")));
        }

        return policy;
    }
}

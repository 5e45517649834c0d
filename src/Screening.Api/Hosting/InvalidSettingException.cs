using Microsoft.Extensions.Options;

namespace Screening.Api.Hosting;

/// <summary>
/// A setting that stops start-up: its message names the setting and what it must be, and holds nothing else (it is
/// written to the log as the one line that explains why the service did not start).
/// </summary>
public sealed class InvalidSettingException(string message) : Exception(message)
{
    /// <summary>Whether an exception (or what it wraps) is a configuration problem rather than a fault.</summary>
    public static bool IsConfigurationProblem(Exception exception) => Problem(exception) is not null;

    /// <summary>The configuration problem an exception is or wraps (start-up wraps them in AggregateException), or null.</summary>
    public static Exception? Problem(Exception exception) => exception switch
    {
        InvalidSettingException or OptionsValidationException => exception,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Problem(aggregate.InnerExceptions[0]),
        { InnerException: { } inner } => Problem(inner),
        _ => null,
    };
}

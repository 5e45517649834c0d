namespace Screening.Rules.Safety;

/// <summary>How a blood-pressure reading reads in a reason.</summary>
public static class BloodPressureText
{
    public static string Reading(BloodPressureGate gate) =>
        $"{gate.Systolic?.ToString() ?? "?"}/{gate.Diastolic?.ToString() ?? "?"} mmHg";
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Screening.Api.Hosting;

namespace Screening.Api.Security;

/// <summary>
/// Behind a reverse proxy every client arrives from the proxy's address, so per-address limits would lump them together.
/// With <c>Screening:Network:KnownProxies</c> (addresses) or <c>KnownNetworks</c> (CIDR ranges) set, the client address
/// (and scheme) is taken from X-Forwarded-For (and X-Forwarded-Proto) when, and only when, the request comes from one of
/// them. Off by default: then forwarded headers are ignored, since anyone can send them.
/// </summary>
public static class ForwardedClients
{
    public const string Section = "Screening:Network";

    public static IServiceCollection AddForwardedClients(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Entries(configuration, "KnownProxies")
            .Select(entry => IPAddress.TryParse(entry.Value, out var address) ? address
                : throw new InvalidSettingException($"{Section}:KnownProxies:{entry.Key} must be an IP address."))
            .ToArray();
        var networks = Entries(configuration, "KnownNetworks")
            .Select(entry => System.Net.IPNetwork.TryParse(entry.Value, out var network) ? network
                : throw new InvalidSettingException($"{Section}:KnownNetworks:{entry.Key} must be a CIDR range such as 10.0.0.0/8."))
            .ToArray();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        services.AddSingleton(new ForwardedClientsEnabled(proxies.Length + networks.Length > 0));
        return services;
    }

    /// <summary>Applies forwarded headers from the known proxies, if any are configured.</summary>
    public static IApplicationBuilder UseForwardedClients(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<ForwardedClientsEnabled>().Enabled ? app.UseForwardedHeaders() : app;

    private static IEnumerable<IConfigurationSection> Entries(IConfiguration configuration, string name) =>
        configuration.GetSection($"{Section}:{name}").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value));

    private sealed record ForwardedClientsEnabled(bool Enabled);
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>
/// The test server has no socket, so no remote address: this gives each request one, from the X-Test-Remote-Address
/// header (default 10.1.1.1), ahead of the whole pipeline, as a client (or a proxy) connecting from that address would.
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";
    public const string Default = "10.1.1.1";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header] is [{ } address] ? address : Default);
            return nextMiddleware(context);
        });
        next(app);
    };
}

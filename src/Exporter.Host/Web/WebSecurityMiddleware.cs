using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Exporter.Host.Web;

/// <summary>
/// In front of every endpoint (metrics, landing page, health, anything added later), before
/// routing, in exporter-toolkit's order: rate limit (429, before any authentication work), the
/// configured headers, then the checks of the hardened surface (only GET and HEAD: 405; no request
/// body: 413), then basic auth (401 with WWW-Authenticate: Basic). Answers carry a one-line body
/// that tells nothing about the configuration.
/// </summary>
internal sealed class WebSecurityMiddleware(WebConfigReloader reloader, RateLimiter limiter, BasicAuthenticator authenticator)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var snapshot = reloader.Current;
        var config = snapshot.Config;
        var request = context.Request;
        var response = context.Response;

        // No endpoint reads a request body, and Kestrel accepts none (MaxRequestBodySize 0): a
        // request that brings one is answered (whatever the answer) on a connection that then
        // closes, so saying so keeps the client from sending its next request down it.
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
        if (hasBody)
        {
            response.Headers.Connection = "close";
        }

        if (!limiter.Allows(config.RateLimit))
        {
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests");
            return;
        }

        foreach (var (name, value) in config.Http.Headers)
        {
            response.Headers[name] = value;
        }

        var head = HttpMethods.IsHead(request.Method);
        if (!head && !HttpMethods.IsGet(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            return;
        }

        if (hasBody)
        {
            // Closing rather than reading the body to its end: it may be endless.
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body not accepted");
            return;
        }

        if (config.Users.Count > 0 && !await authenticator.AuthenticateAsync(request.Headers.Authorization, snapshot, context.RequestAborted))
        {
            response.Headers.WWWAuthenticate = "Basic";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        if (head)
        {
            // The endpoints are mapped for GET; a HEAD gets the same headers. Kestrel knows the
            // request is a HEAD from its request line and sends no body.
            request.Method = HttpMethods.Get;
        }

        await next(context);
    }

    private static Task RefuseAsync(HttpContext context, int status, string text)
    {
        var body = Encoding.ASCII.GetBytes(text + "\n");
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}

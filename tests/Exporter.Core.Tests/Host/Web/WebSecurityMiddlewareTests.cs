using Exporter.Host.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Core.Tests.Host.Web;

/// <summary>The order and answers of the request checks, on plain HttpContexts.</summary>
public sealed class WebSecurityMiddlewareTests
{
    private static readonly string Hash = BCrypt.Net.BCrypt.HashPassword("scrape-pw", 4);
    private readonly FakeTimeProvider _time = new();
    private int _verifications;
    private string? _methodSeen;

    [Fact]
    public async Task Without_a_file_GET_and_HEAD_reach_the_endpoint()
    {
        var middleware = Middleware(WebConfigSnapshot.None);

        (await SendAsync(middleware, "GET")).StatusCode.Should().Be(200);
        _methodSeen.Should().Be("GET");
        _methodSeen = null;
        (await SendAsync(middleware, "HEAD")).StatusCode.Should().Be(200);
        _methodSeen.Should().Be("GET", "HEAD is served by the GET endpoint");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    [InlineData("PATCH")]
    [InlineData("PROPFIND")]
    public async Task Other_methods_get_405_with_Allow(string method)
    {
        var response = await SendAsync(Middleware(WebConfigSnapshot.None), method);

        response.StatusCode.Should().Be(405);
        response.Headers.Allow.ToString().Should().Be("GET, HEAD");
        _methodSeen.Should().BeNull();
    }

    [Fact]
    public async Task A_request_body_gets_413_and_the_connection_is_closed()
    {
        var response = await SendAsync(Middleware(WebConfigSnapshot.None), "GET", hasBody: true);

        response.StatusCode.Should().Be(413);
        response.Headers.Connection.ToString().Should().Be("close");
        _methodSeen.Should().BeNull();
    }

    [Fact]
    public async Task Without_credentials_the_answer_is_401_with_a_Basic_challenge_and_a_body_that_tells_nothing()
    {
        var middleware = Middleware(BasicAuthenticatorTests.Snapshot(("prometheus", Hash)));

        var response = await SendAsync(middleware, "GET");

        response.StatusCode.Should().Be(401);
        response.Headers.WWWAuthenticate.ToString().Should().Be("Basic");
        Body(response).Should().Be("Unauthorized\n");
        _methodSeen.Should().BeNull();
    }

    [Fact]
    public async Task Right_credentials_reach_the_endpoint_wrong_ones_do_not()
    {
        var middleware = Middleware(BasicAuthenticatorTests.Snapshot(("prometheus", Hash)));

        (await SendAsync(middleware, "GET", BasicAuthenticatorTests.Header("prometheus", "wrong"))).StatusCode.Should().Be(401);
        (await SendAsync(middleware, "GET", BasicAuthenticatorTests.Header("prometheus", "scrape-pw"))).StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task The_rate_limit_answers_429_before_any_bcrypt_and_without_the_configured_headers()
    {
        var middleware = Middleware(BasicAuthenticatorTests.Snapshot($"""
            rate_limit: {"{"}interval: 10s, burst: 2{"}"}
            http_server_config:
              headers:
                X-Frame-Options: deny
            basic_auth_users:
              prometheus: '{Hash}'
            """));

        var first = await SendAsync(middleware, "GET", BasicAuthenticatorTests.Header("prometheus", "guess-1"));
        var second = await SendAsync(middleware, "GET", BasicAuthenticatorTests.Header("prometheus", "guess-2"));
        var third = await SendAsync(middleware, "GET", BasicAuthenticatorTests.Header("prometheus", "guess-3"));

        (first.StatusCode, second.StatusCode, third.StatusCode).Should().Be((401, 401, 429));
        _verifications.Should().Be(2, "the refused request never reached bcrypt");
        first.Headers["X-Frame-Options"].ToString().Should().Be("deny");
        third.Headers.ContainsKey("X-Frame-Options").Should().BeFalse("exporter-toolkit sets headers after the rate limit");
        Body(third).Should().Be("Too Many Requests\n");

        _time.Advance(TimeSpan.FromSeconds(10));
        (await SendAsync(middleware, "GET", BasicAuthenticatorTests.Header("prometheus", "scrape-pw"))).StatusCode.Should().Be(200);
    }

    private WebSecurityMiddleware Middleware(WebConfigSnapshot snapshot)
    {
        var reloader = new WebConfigReloader(null, snapshot, NullLogger<WebConfigReloader>.Instance, _time);
        var authenticator = new BasicAuthenticator(new AuthCache(_time), (pw, hash) =>
        {
            _verifications++;
            return BCrypt.Net.BCrypt.Verify(pw, hash);
        });
        return new WebSecurityMiddleware(reloader, new RateLimiter(_time), authenticator);
    }

    private async Task<HttpResponse> SendAsync(WebSecurityMiddleware middleware, string method, string? authorization = null, bool hasBody = false)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = "/metrics";
        context.Response.Body = new MemoryStream();
        context.Features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(hasBody));
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        await middleware.InvokeAsync(context, c =>
        {
            _methodSeen = c.Request.Method;
            return Task.CompletedTask;
        });
        return context.Response;
    }

    private static string Body(HttpResponse response) => System.Text.Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray());

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => canHaveBody;
    }
}

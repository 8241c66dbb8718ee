using System.Net;

namespace Exporter.Docker;

/// <summary>The engine answered with an error status; <see cref="Exception.Message"/> is its own message.</summary>
public sealed class DockerApiException : Exception
{
    public DockerApiException()
    {
    }

    public DockerApiException(string message)
        : base(message)
    {
    }

    public DockerApiException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DockerApiException(HttpStatusCode status, string message)
        : base(message)
    {
        Status = status;
    }

    public HttpStatusCode Status { get; }
}

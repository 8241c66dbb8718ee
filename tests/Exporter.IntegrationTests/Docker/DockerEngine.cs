using System.Diagnostics;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Docker;

/// <summary>
/// A real dockerd from Debian's docker.io, private to the tests: its own temp dir and socket, vfs
/// storage, no iptables or bridge, and a busybox image imported from busybox-static (there is no
/// registry). Torn down completely: containers removed, dockerd stopped by PID, mounts and the
/// empty cgroup directories it left removed.
/// </summary>
public sealed class DockerEngine : IAsyncLifetime
{
    public const string Image = "local/busybox:latest";

    private readonly string _dir = Directory.CreateTempSubdirectory("exporter-dockerd-").FullName;
    private ExternalProcess? _dockerd;

    public string SocketPath => Path.Join(_dir, "docker.sock");

    public string Host => "unix://" + SocketPath;

    public bool Running => _dockerd is { HasExited: false };

    public string Log => _dockerd?.Output ?? string.Empty;

    /// <summary>Also listen on tcp://127.0.0.1:PORT with TLS, client certificates required (set before start).</summary>
    public bool WithTls { get; init; }

    /// <summary>With <see cref="WithTls"/>: tcp://127.0.0.1:PORT.</summary>
    public string? TlsHost { get; private set; }

    /// <summary>With <see cref="WithTls"/>: ca.pem, cert.pem, key.pem for a client, as DOCKER_CERT_PATH.</summary>
    public string CertPath => Path.Join(_dir, "certs");

    public async Task InitializeAsync()
    {
        var dockerd = Tools.Require("dockerd");
        Tools.Require("docker");
        var busybox = Tools.Require("busybox", "/bin/busybox");
        Directory.CreateDirectory(Path.Join(_dir, "data"));
        Directory.CreateDirectory(Path.Join(_dir, "exec"));
        List<string> args =
        [
            "--iptables=false", "--ip6tables=false", "--bridge=none", "--ip-forward=false", "--ip-masq=false",
            "--storage-driver=vfs", "--host", Host, "--data-root", Path.Join(_dir, "data"),
            "--exec-root", Path.Join(_dir, "exec"), "--pidfile", Path.Join(_dir, "docker.pid"),
        ];
        if (WithTls)
        {
            Directory.CreateDirectory(CertPath);
            TestCertificates.WriteTo(CertPath);

            // Port 0: the kernel picks a free one, read back from /proc once dockerd listens.
            args.AddRange(["--tlsverify", "--tlscacert", Path.Join(CertPath, "ca.pem"), "--tlscert", Path.Join(CertPath, "server-cert.pem"),
                "--tlskey", Path.Join(CertPath, "server-key.pem"), "--host", "tcp://127.0.0.1:0"]);
        }

        _dockerd = new ExternalProcess(dockerd, args);
        await WaitForPingAsync();
        if (WithTls)
        {
            TlsHost = $"tcp://127.0.0.1:{await ListeningPorts.WaitForOneAsync(_dockerd, "dockerd")}";
        }

        // A minimal image: busybox-static and the applets the tests use.
        var rootfs = Path.Join(_dir, "rootfs");
        foreach (var dir in new[] { "bin", "tmp", "proc", "sys", "dev", "etc" })
        {
            Directory.CreateDirectory(Path.Join(rootfs, dir));
        }

        File.Copy(busybox, Path.Join(rootfs, "bin", "busybox"));
        foreach (var applet in new[] { "sh", "sleep", "yes", "dd", "cat", "ping", "true", "false" })
        {
            File.CreateSymbolicLink(Path.Join(rootfs, "bin", applet), "busybox");
        }

        await ShellAsync($"tar -C '{rootfs}' -c . | docker import -c 'CMD [\"/bin/sh\"]' - {Image}");
    }

    /// <summary>
    /// Waits until /_ping on the socket answers 200. Bounded (60 s, generous for a busy machine:
    /// dockerd is usually up in about a second): a daemon that exits, or answers only errors, fails
    /// the test with its own log instead of hanging it.
    /// </summary>
    private async Task WaitForPingAsync()
    {
        var dockerd = _dockerd!;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(SocketPath), ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (true)
        {
            if (dockerd.HasExited)
            {
                dockerd.WaitForExit(TimeSpan.FromSeconds(10));
                throw new InvalidOperationException($"dockerd exited with {dockerd.ExitCode}: {dockerd.Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("http://localhost/_ping"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"/_ping answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"dockerd did not answer /_ping within 60 s (last: {last}); its log:\n{dockerd.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs the docker CLI against this engine; returns its trimmed stdout, throws on failure.</summary>
    public Task<string> DockerAsync(params string[] args) => RunAsync("docker", args);

    /// <summary>Stops dockerd (SIGTERM, then waits), as a daemon that went away.</summary>
    public async Task StopDaemonAsync()
    {
        if (_dockerd is { HasExited: false } dockerd)
        {
            await RunAsync("kill", ["-TERM", dockerd.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (!dockerd.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                dockerd.Dispose();
            }
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Running)
            {
                var ids = await DockerAsync("ps", "-aq");
                if (ids.Length > 0)
                {
                    await DockerAsync(["rm", "-f", .. ids.Split('\n', StringSplitOptions.RemoveEmptyEntries)]);
                }

                // A user-defined network is a bridge interface on the host: it outlives dockerd unless removed.
                var networks = await DockerAsync("network", "ls", "-q", "--filter", "type=custom");
                if (networks.Length > 0)
                {
                    await DockerAsync(["network", "rm", .. networks.Split('\n', StringSplitOptions.RemoveEmptyEntries)]);
                }
            }
        }
        finally
        {
            await StopDaemonAsync();
            _dockerd?.Dispose();
            Cleanup();
        }
    }

    private void Cleanup()
    {
        // Network namespaces are bind mounts under exec/netns; unmount everything under our dir, deepest first.
        var mounts = File.ReadAllLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4])
            .Where(point => point.StartsWith(_dir + "/", StringComparison.Ordinal))
            .OrderByDescending(point => point.Length);
        foreach (var point in mounts)
        {
            using var umount = new ExternalProcess("umount", ["-l", point]);
            umount.WaitForExit(TimeSpan.FromSeconds(10));
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        // dockerd's cgroup parent, left empty (another engine's containers keep theirs: rmdir fails then).
        foreach (var controller in Directory.Exists("/sys/fs/cgroup") ? Directory.GetDirectories("/sys/fs/cgroup") : [])
        {
            var docker = Path.Join(controller, "docker");
            if (Directory.Exists(docker) && Directory.GetDirectories(docker).Length == 0)
            {
                try
                {
                    Directory.Delete(docker);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private Task<string> ShellAsync(string script) => RunAsync("/bin/sh", ["-c", script]);

    private async Task<string> RunAsync(string program, string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOCKER_HOST"] = Host;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}");
        }

        return (await stdout).Trim();
    }
}

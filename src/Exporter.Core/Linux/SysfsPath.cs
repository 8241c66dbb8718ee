namespace Exporter.Core.Linux;

/// <summary>Path helpers for sysfs, whose class directories are trees of relative symlinks.</summary>
internal static class SysfsPath
{
    private const int MaxLinks = 40;

    /// <summary>
    /// The path with every symlink resolved, component by component, like realpath(3): a relative
    /// link target is taken from the link's physical directory, so "../.." climbs the real tree.
    /// Null when some component does not exist.
    /// </summary>
    public static string? RealPath(string path)
    {
        var pending = new Stack<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = "/";
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            var next = Path.Join(resolved, part);
            if (!Path.Exists(next))
            {
                return null;
            }

            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links in {path}");
            }

            foreach (var p in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(p);
            }

            if (target.StartsWith('/'))
            {
                resolved = "/";
            }
        }

        return resolved;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Exporter.Host.Web;

/// <summary>
/// Remembers bcrypt verdicts, since one comparison costs tens to hundreds of milliseconds and
/// Prometheus sends the same credentials every scrape. The key is a SHA-256 over the hex-encoded
/// user, hash and password joined by ':' — hex has no ':', so no two different triples share a key
/// (plain concatenation let "user"+"name:pw" collide with "username"+":pw": CVE-2022-46146). Only
/// the digest is kept, never the password. Accepted and refused verdicts are kept apart, each
/// bounded (least recently used goes first), so a flood of wrong passwords cannot push out the
/// honest scraper's entry. Entries expire after <see cref="Lifetime"/>.
/// </summary>
internal sealed class AuthCache(TimeProvider time, int capacity = AuthCache.DefaultCapacity)
{
    /// <summary>Per verdict, as exporter-toolkit's cache (100 entries).</summary>
    public const int DefaultCapacity = 100;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly Partition _accepted = new(capacity);
    private readonly Partition _refused = new(capacity);

    public static string Key(string user, string hash, string password)
    {
        var text = $"{Hex(user)}:{Hex(hash)}:{Hex(password)}";
        return Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(text)));

        static string Hex(string s) => Convert.ToHexString(Encoding.UTF8.GetBytes(s));
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _accepted.Count + _refused.Count;
            }
        }
    }

    public bool TryGet(string key, out bool accepted)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            accepted = _accepted.TryGet(key, now, time);
            return accepted || _refused.TryGet(key, now, time);
        }
    }

    public void Set(string key, bool accepted)
    {
        lock (_lock)
        {
            (accepted ? _accepted : _refused).Set(key, time.GetTimestamp());
        }
    }

    private sealed class Partition(int capacity)
    {
        private readonly Dictionary<string, LinkedListNode<(string Key, long Added)>> _entries = new(StringComparer.Ordinal);
        private readonly LinkedList<(string Key, long Added)> _order = new();

        public int Count => _entries.Count;

        public bool TryGet(string key, long now, TimeProvider time)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return false;
            }

            _order.Remove(node);
            if (time.GetElapsedTime(node.Value.Added, now) >= Lifetime)
            {
                _entries.Remove(key);
                return false;
            }

            _order.AddFirst(node);
            return true;
        }

        public void Set(string key, long now)
        {
            if (_entries.Remove(key, out var old))
            {
                _order.Remove(old);
            }
            else if (_entries.Count >= capacity)
            {
                _entries.Remove(_order.Last!.Value.Key);
                _order.RemoveLast();
            }

            _entries[key] = _order.AddFirst((key, now));
        }
    }
}

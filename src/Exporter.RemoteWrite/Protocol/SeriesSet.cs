namespace Exporter.RemoteWrite.Protocol;

/// <summary>
/// The series of one collection, each identified by its encoded (sorted) label set, so the next
/// collection can tell which series disappeared. The label bytes are kept in one reused arena and
/// compared byte for byte: no hash collision can hide a vanished series or invent one.
/// </summary>
internal sealed class SeriesSet
{
    private readonly ByteBuffer _arena = new(16 * 1024);
    private readonly HashSet<Slice> _set;
    private readonly HashSet<Slice>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public SeriesSet()
    {
        _set = new HashSet<Slice>(new SliceComparer(this));
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int Count => _set.Count;

    /// <summary>The label sets, in no particular order; each valid until the set is cleared.</summary>
    public IEnumerable<Slice> Slices => _set;

    public ReadOnlySpan<byte> Labels(Slice slice) => _arena.WrittenSpan.Slice(slice.Offset, slice.Length);

    /// <summary>Adds a label set; false when it is already there (a duplicate series).</summary>
    public bool Add(ReadOnlySpan<byte> labels)
    {
        if (_lookup.Contains(labels))
        {
            return false;
        }

        var offset = _arena.Length;
        _arena.Write(labels);
        _set.Add(new Slice(offset, labels.Length));
        return true;
    }

    public bool Contains(ReadOnlySpan<byte> labels) => _lookup.Contains(labels);

    public void Clear()
    {
        _set.Clear();
        _arena.Clear();
    }

    /// <summary>Where one label set sits in the arena.</summary>
    internal readonly record struct Slice(int Offset, int Length);

    private sealed class SliceComparer(SeriesSet owner) : IEqualityComparer<Slice>, IAlternateEqualityComparer<ReadOnlySpan<byte>, Slice>
    {
        public bool Equals(Slice x, Slice y) => owner.Labels(x).SequenceEqual(owner.Labels(y));

        public int GetHashCode(Slice obj) => GetHashCode(owner.Labels(obj));

        public bool Equals(ReadOnlySpan<byte> alternate, Slice other) => alternate.SequenceEqual(owner.Labels(other));

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        // Series are added through SeriesSet.Add, which stores the bytes first.
        public Slice Create(ReadOnlySpan<byte> alternate) => throw new NotSupportedException();
    }
}

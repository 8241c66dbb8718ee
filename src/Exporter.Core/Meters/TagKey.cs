namespace Exporter.Core.Meters;

/// <summary>
/// The tags of one measurement, as the listener hands them over, used to look a series up without
/// copying them anywhere (see <see cref="TagKeyComparer"/>).
/// </summary>
internal readonly ref struct TagSpan(ReadOnlySpan<KeyValuePair<string, object?>> tags)
{
    public ReadOnlySpan<KeyValuePair<string, object?>> Tags { get; } = tags;
}

/// <summary>A stored tag set, sorted by key, that finds its series.</summary>
internal sealed class TagKey(KeyValuePair<string, object?>[] sortedTags)
{
    public KeyValuePair<string, object?>[] Tags { get; } = sortedTags;

    public static TagKey From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = tags.ToArray();
        Array.Sort(copy, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new TagKey(copy);
    }
}

/// <summary>
/// Matches a measurement's tags with a stored set in whatever order they come (the same tags from
/// two call sites need not be in the same order), allocating nothing: the hash is order-independent
/// and each tag is found by key, first at its own position.
/// </summary>
internal sealed class TagKeyComparer : IEqualityComparer<TagKey>, IAlternateEqualityComparer<TagSpan, TagKey>
{
    public static TagKeyComparer Instance { get; } = new();

    public bool Equals(TagKey? x, TagKey? y) => ReferenceEquals(x, y) || (x is not null && y is not null && Match(x.Tags, y.Tags));

    public int GetHashCode(TagKey obj) => Hash(obj.Tags);

    public bool Equals(TagSpan alternate, TagKey other) => Match(alternate.Tags, other.Tags);

    public int GetHashCode(TagSpan alternate) => Hash(alternate.Tags);

    public TagKey Create(TagSpan alternate) => TagKey.From(alternate.Tags);

    // Values only: keys rarely tell series of one instrument apart, and hashing them costs time.
    private static int Hash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sum = tags.Length;
        foreach (ref readonly var tag in tags)
        {
            sum += (tag.Value?.GetHashCode() ?? 0) * -1640531535;
        }

        return sum;
    }

    private static bool Match(ReadOnlySpan<KeyValuePair<string, object?>> tags, ReadOnlySpan<KeyValuePair<string, object?>> stored)
    {
        if (tags.Length != stored.Length)
        {
            return false;
        }

        for (var i = 0; i < tags.Length; i++)
        {
            ref readonly var tag = ref tags[i];
            var j = string.Equals(stored[i].Key, tag.Key, StringComparison.Ordinal) ? i : IndexOf(stored, tag.Key);
            if (j < 0 || !Equals(tag.Value, stored[j].Value))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (string.Equals(tags[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

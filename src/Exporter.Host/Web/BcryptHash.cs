using System.Diagnostics.CodeAnalysis;

namespace Exporter.Host.Web;

/// <summary>
/// A bcrypt hash from basic_auth_users, checked for format at load: <c>$2a$</c>, <c>$2b$</c> or
/// <c>$2y$</c> (htpasswd -B writes $2y$), a two-digit cost from 4 to 31, then 22 salt and 31 hash
/// characters of bcrypt's alphabet (./A-Za-z0-9). <see cref="ToString"/> never shows the hash.
/// </summary>
internal sealed class BcryptHash
{
    public const int MinCost = 4;
    public const int MaxCost = 31;

    private BcryptHash(string text, int cost)
    {
        Text = text;
        Cost = cost;
    }

    /// <summary>The hash itself: only for verification and the cache key, never for a message.</summary>
    public string Text { get; }

    public int Cost { get; }

    /// <summary>Parses a hash; on failure <paramref name="error"/> says what is wrong without quoting it.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out BcryptHash? hash, [NotNullWhen(false)] out string? error)
    {
        hash = null;
        if (text.Length != 60 || text[0] != '$' || text[1] != '2' || text[3] != '$' || text[6] != '$')
        {
            error = "is not a bcrypt hash ($2y$, $2b$ or $2a$, 60 characters; make one with htpasswd -nbB USER PASSWORD)";
            return false;
        }

        if (text[2] is not ('a' or 'b' or 'y'))
        {
            error = "is a bcrypt variant other than $2a$, $2b$ or $2y$";
            return false;
        }

        if (!char.IsAsciiDigit(text[4]) || !char.IsAsciiDigit(text[5]))
        {
            error = "has no two-digit bcrypt cost";
            return false;
        }

        var cost = ((text[4] - '0') * 10) + (text[5] - '0');
        if (cost is < MinCost or > MaxCost)
        {
            error = $"has bcrypt cost {cost}, outside {MinCost}..{MaxCost}";
            return false;
        }

        foreach (var c in text.AsSpan(7))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '/'))
            {
                error = "has a character outside bcrypt's alphabet (./A-Za-z0-9)";
                return false;
            }
        }

        hash = new BcryptHash(text, cost);
        error = null;
        return true;
    }

    /// <summary>Redacted: a hash is a secret (it can be attacked offline).</summary>
    public override string ToString() => $"<bcrypt hash, cost {Cost}>";
}

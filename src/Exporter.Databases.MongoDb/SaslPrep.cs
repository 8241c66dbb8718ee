using System.Globalization;
using System.Text;

namespace Exporter.Databases.MongoDb;

/// <summary>
/// SASLprep (RFC 4013), which SCRAM-SHA-256 applies to the password before hashing it (RFC 7677 §4;
/// MongoDB's drivers do the same). Printable ASCII is left as it is, which is what almost every
/// password is. Otherwise: non-ASCII spaces become U+0020 (RFC 3454 C.1.2), "mapped to nothing"
/// characters are removed (B.1), and prohibited characters (controls, private use, non-characters,
/// display-changing and tagging characters, unassigned code points) are rejected. Two steps are not
/// done: NFKC normalisation (the exporter runs with invariant globalization, which carries no
/// normalisation tables; a password already in NFKC form, as typed passwords nearly always are, is
/// unaffected) and the bidirectional-text check of RFC 3454 §6.
/// </summary>
internal static class SaslPrep
{
    public static string Prepare(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return text;
        }

        var mapped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsMappedToNothing(c))
            {
                continue;
            }

            mapped.Append(IsNonAsciiSpace(c) ? ' ' : c);
        }

        var normalized = mapped.ToString();
        for (var i = 0; i < normalized.Length; i += char.IsSurrogatePair(normalized, i) ? 2 : 1)
        {
            if (char.IsSurrogate(normalized[i]) && !char.IsSurrogatePair(normalized, i))
            {
                throw new FormatException($"saslprep: the password has a lone surrogate at position {i}");
            }

            var codePoint = char.ConvertToUtf32(normalized, i);
            if (IsProhibited(codePoint))
            {
                // Say where, never what: the text is a password.
                throw new FormatException($"saslprep: the password has a prohibited character at position {i}");
            }
        }

        return normalized;
    }

    private static bool IsMappedToNothing(char c) =>
        c is '\u00AD' or '\u034F' or '\u1806' or (>= '\u180B' and <= '\u180D') or (>= '\u200B' and <= '\u200D')
          or '\u2060' or (>= '\uFE00' and <= '\uFE0F') or '\uFEFF';

    private static bool IsNonAsciiSpace(char c) =>
        c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200B') or '\u202F' or '\u205F' or '\u3000';

    private static bool IsProhibited(int codePoint)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
                   or UnicodeCategory.OtherNotAssigned
               || codePoint is (>= 0xFDD0 and <= 0xFDEF) or 0x0340 or 0x0341 or 0x200E or 0x200F
                   or (>= 0x202A and <= 0x202E) or (>= 0x206A and <= 0x206F) or 0xE0001 or (>= 0xE0020 and <= 0xE007F)
               || (codePoint & 0xFFFE) == 0xFFFE;
    }
}

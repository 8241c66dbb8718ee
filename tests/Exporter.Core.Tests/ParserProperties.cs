using System.Globalization;
using CsCheck;

namespace Exporter.Core.Tests;

/// <summary>
/// The two properties every pure parser of the exporter has, checked with CsCheck (a failure is
/// shrunk to a small example and printed with the seed that reproduces it):
/// <list type="bullet">
/// <item>Total: whatever text it is given (characters of the file's own alphabet, any Unicode, and
/// well-formed files broken by random edits), it returns or throws <see cref="FormatException"/>,
/// its documented error, and nothing else: a malformed /proc file fails one collector with a
/// clear message, never with an IndexOutOfRangeException.</item>
/// <item>Round trip: content generated as a structure and rendered the way the kernel (or the
/// format) writes it parses back to that structure. Those generators live with each parser's tests.</item>
/// </list>
/// </summary>
internal static class ParserProperties
{
    public const int Iterations = 2000;

    /// <summary>What /proc and /sys files are made of, and a few characters they never hold.</summary>
    public const string Alphabet = " \t\n\n\n0123456789abcdefxABCDEFINXYZ_:-.,()/=+#\"'\\{}[]|%\r\u00e9\u2028\0";

    public static readonly Gen<ulong> Counter = Gen.Frequency((3, Gen.ULong[0, 100_000]), (1, Gen.ULong));

    /// <summary>Text of the alphabet, any Unicode text, and <paramref name="wellFormed"/> broken by up to six edits.</summary>
    public static Gen<string> Hostile(Gen<string> wellFormed, string alphabet = Alphabet) =>
        Gen.Frequency(
            (2, Gen.Char[alphabet].Array[0, 300].Select(chars => new string(chars))),
            (1, Gen.String[0, 80]),
            (4, Gen.Select(wellFormed, Gen.Int.Array[1, 6], Gen.Char[alphabet].Array[6], Edit)),
            (1, wellFormed));

    /// <summary>The parser returns or throws <see cref="FormatException"/> for every hostile input.</summary>
    public static void OnlyFormatException<T>(Func<string, T> parse, Gen<string> wellFormed, string alphabet = Alphabet) =>
        Hostile(wellFormed, alphabet).Sample(
            text =>
            {
                try
                {
                    parse(text);
                }
                catch (FormatException)
                {
                }
            },
            iter: Iterations);

    /// <summary><paramref name="value"/> as the kernel prints it (invariant, shortest round-trip form).</summary>
    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Invariant(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A word of lower-case letters, as names in /proc files are.</summary>
    public static Gen<string> Word(int min = 1, int max = 10) => Gen.Char['a', 'z'].Array[min, max].Select(chars => new string(chars));

    // Each edit: delete, insert, replace one character, or cut the text short, at a random place.
    private static string Edit(string text, int[] edits, char[] chars)
    {
        var result = new System.Text.StringBuilder(text);
        for (var i = 0; i < edits.Length; i++)
        {
            var at = (int)((uint)edits[i] % (uint)(result.Length + 1));
            switch ((uint)edits[i] % 4)
            {
                case 0 when at < result.Length:
                    result.Remove(at, 1);
                    break;
                case 1:
                    result.Insert(at, chars[i]);
                    break;
                case 2 when at < result.Length:
                    result[at] = chars[i];
                    break;
                case 3:
                    result.Length = at;
                    break;
            }
        }

        return result.ToString();
    }
}

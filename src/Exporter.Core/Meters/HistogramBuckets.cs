using System.Globalization;
using System.Text;

namespace Exporter.Core.Meters;

/// <summary>One histogram instrument's bucket upper bounds, sorted, and their <c>le</c> values encoded once.</summary>
internal sealed class HistogramBuckets
{
    public HistogramBuckets(IEnumerable<double> bounds)
    {
        Bounds = [.. bounds.Where(double.IsFinite).Distinct().Order()];
        LeUtf8 = [.. Bounds.Select(b => Encoding.UTF8.GetBytes(b.ToString("R", CultureInfo.InvariantCulture))), "+Inf"u8.ToArray()];
    }

    /// <summary>Finite upper bounds, ascending; the +Inf bucket is implied.</summary>
    public double[] Bounds { get; }

    /// <summary>The <c>le</c> label value of each bucket, +Inf last.</summary>
    public byte[][] LeUtf8 { get; }

    /// <summary>Buckets including +Inf.</summary>
    public int Count => Bounds.Length + 1;

    /// <summary>A negative bound means observations may be negative: OpenMetrics then forbids _sum.</summary>
    public bool HasNegativeBounds => Bounds.Length > 0 && Bounds[0] < 0;

    /// <summary>The bucket a value falls in: the first whose bound is at least the value (le means "less or equal").</summary>
    public int IndexOf(double value)
    {
        var bounds = Bounds;
        if (bounds.Length <= 16)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                if (value <= bounds[i])
                {
                    return i;
                }
            }

            return bounds.Length;
        }

        var index = Array.BinarySearch(bounds, value);
        return index >= 0 ? index : ~index;
    }
}

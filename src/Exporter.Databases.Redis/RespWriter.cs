using System.Globalization;
using System.Text;

namespace Exporter.Databases.Redis;

/// <summary>
/// Encodes a command the way clients send it: an array of bulk strings,
/// <c>*2\r\n$4\r\nINFO\r\n$6\r\nmemory\r\n</c>. Bulk strings carry their byte length, so arguments
/// may contain anything (a password with spaces or CR LF included).
/// </summary>
internal static class RespWriter
{
    public static byte[] Encode(params string[] arguments)
    {
        if (arguments.Length == 0)
        {
            throw new ArgumentException("resp: a command needs at least its name", nameof(arguments));
        }

        var text = new StringBuilder();
        text.Append('*').Append(arguments.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        var header = Encoding.ASCII.GetBytes(text.ToString());
        using var output = new MemoryStream();
        output.Write(header);
        foreach (var argument in arguments)
        {
            var bytes = Encoding.UTF8.GetBytes(argument);
            output.Write(Encoding.ASCII.GetBytes($"${bytes.Length.ToString(CultureInfo.InvariantCulture)}\r\n"));
            output.Write(bytes);
            output.Write("\r\n"u8);
        }

        return output.ToArray();
    }
}

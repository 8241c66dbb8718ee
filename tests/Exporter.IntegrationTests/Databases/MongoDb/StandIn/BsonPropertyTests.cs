using CsCheck;

namespace Exporter.IntegrationTests.Databases.MongoDb.StandIn;

/// <summary>
/// The stand-in's BSON against generated input: any bytes are a document or a <see cref="FormatException"/>,
/// never another exception; a generated document written and read back writes the same bytes again.
/// </summary>
public sealed class BsonPropertyTests
{
    private static readonly Gen<string> Key = Gen.String[Gen.Char["abcxyz_$.0"], 1, 6];

    private static readonly Gen<BsonDocument> Documents = Document(2);

    [Fact]
    public void Arbitrary_bytes_are_a_document_or_a_format_error()
    {
        // Valid documents with bytes changed, and raw noise: both reach deep into the reader.
        var mutated = Gen.Select(Documents, Gen.Int, Gen.Byte, (d, at, b) =>
        {
            var bytes = BsonWriter.Write(d);
            bytes[(int)((uint)at % bytes.Length)] = b;
            return bytes;
        });
        Gen.OneOf(mutated, Gen.Byte.Array[0, 64]).Sample(bytes =>
        {
            try
            {
                BsonReader.Read(bytes);
            }
            catch (FormatException)
            {
                // The reader's documented error; anything else fails the property.
            }
        });
    }

    [Fact]
    public void Generated_documents_read_back_as_written()
    {
        Documents.Sample(document =>
        {
            var bytes = BsonWriter.Write(document);
            BsonWriter.Write(BsonReader.Read(bytes)).Should().Equal(bytes);
        });
    }

    private static Gen<BsonDocument> Document(int depth) =>
        Gen.Select(Key, Value(depth)).Array[0, 5].Select(elements =>
        {
            var document = new BsonDocument();
            foreach (var (key, value) in elements)
            {
                document.Add(key, value);
            }

            return document;
        });

    private static Gen<object?> Value(int depth)
    {
        var scalars = Gen.OneOf(
            Gen.Int.Select(i => (object?)i),
            Gen.Long.Select(l => (object?)l),
            Gen.Double.Select(d => (object?)d),
            Gen.Bool.Select(b => (object?)b),
            Gen.String[Gen.Char["abé€\0 1"], 0, 12].Where(s => !s.Contains('\0', StringComparison.Ordinal)).Select(s => (object?)s),
            Gen.Byte.Array[0, 8].Select(b => (object?)new BsonBinary(0, b)),
            Gen.Const(0).Select(_ => (object?)null));
        return depth == 0
            ? scalars
            : Gen.Frequency(
                (5, scalars),
                (1, Document(depth - 1).Select(d => (object?)d)),
                (1, Value(depth - 1).Array[0, 3].Select(items => (object?)new BsonArray(items))));
    }
}

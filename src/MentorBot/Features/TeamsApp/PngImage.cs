using System.IO.Compression;

namespace MentorBot.Features.TeamsApp;

/// <summary>An RGBA image and a minimal PNG codec (8-bit RGBA, no interlace), enough for the app icons.</summary>
internal sealed class PngImage(int width, int height)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly uint[] CrcTable = BuildCrcTable();

    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Rgba { get; } = new byte[width * height * 4];

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }

        set
        {
            var i = ((y * Width) + x) * 4;
            (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]) = value;
        }
    }

    public byte[] Encode()
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)Width);
        WriteBigEndian(header, 4, (uint)Height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type: RGBA
        WriteChunk(output, "IHDR", header);

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < Height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(Rgba, y * Width * 4, Width * 4);
            }
        }

        WriteChunk(output, "IDAT", raw.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Decodes the PNGs this class writes (8-bit RGBA, filter 0), for tests and checks.</summary>
    public static PngImage Decode(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        var position = 8;
        PngImage? image = null;
        using var idat = new MemoryStream();
        while (position < png.Length)
        {
            var length = (int)ReadBigEndian(png, position);
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            if (type == "IHDR")
            {
                if (data[8] != 8 || data[9] != 6)
                {
                    throw new InvalidDataException("Only 8-bit RGBA PNGs are supported.");
                }

                image = new PngImage((int)ReadBigEndian(png, position + 8), (int)ReadBigEndian(png, position + 12));
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            position += 12 + length;
        }

        if (image is null)
        {
            throw new InvalidDataException("The PNG has no header.");
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = image.Width * 4;
        for (var y = 0; y < image.Height; y++)
        {
            if (zlib.ReadByte() != 0)
            {
                throw new InvalidDataException("Only unfiltered scanlines are supported.");
            }

            zlib.ReadExactly(image.Rgba, y * stride, stride);
        }

        return image;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        output.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        var crcBytes = new byte[4];
        WriteBigEndian(crcBytes, 0, crc);
        output.Write(crcBytes);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(offset), value);

    private static uint ReadBigEndian(byte[] buffer, int offset) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(offset));
}

using System.Text;
using GenAI.Torch;
using GenAI.Torch.Modules;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class DataAndFileTests
{
    [Test]
    public void Data_loader_batches_shuffles_reproducibly_and_drops_the_last_partial_batch()
    {
        var x = arange(10, dtype: float32).reshape(10, 1);
        var y = arange(10);
        var ds = utils.data.TensorDataset(x, y);
        var plain = utils.data.DataLoader(ds, batchSize: 4).ToList();
        Assert.That(plain.Select(b => b[0].size(0)), Is.EqualTo(new long[] { 4, 4, 2 }));
        var dropped = utils.data.DataLoader(ds, batchSize: 4, drop_last: true);
        Assert.That(dropped.Count, Is.EqualTo(2));
        var a = utils.data.DataLoader(ds, 4, shuffle: true, seed: 5).SelectMany(b => b[1].ToArray<long>()).ToArray();
        var b2 = utils.data.DataLoader(ds, 4, shuffle: true, seed: 5).SelectMany(b => b[1].ToArray<long>()).ToArray();
        Assert.That(a, Is.EqualTo(b2));
        Assert.That(a.Order(), Is.EqualTo(Enumerable.Range(0, 10).Select(i => (long)i)));
        Assert.That(a, Is.Not.EqualTo(Enumerable.Range(0, 10).Select(i => (long)i)));
        foreach (var batch in utils.data.DataLoader(ds, 3, shuffle: true, seed: 2))
            Assert.That(batch[0].reshape(-1).to_type(ScalarType.Int64).equal(batch[1]), Is.True, "rows stay paired");
    }

    [Test]
    public void Module_save_and_load_round_trip_through_safetensors()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var a = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2));
            var b = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2));
            var path = Path.Combine(dir.FullName, "m.safetensors");
            a.save(path);
            b.load(path);
            foreach (var (k, v) in a.state_dict()) Assert.That(b.state_dict()[k].equal(v), Is.True, k);
            Assert.That(Directory.GetFiles(dir.FullName), Has.Length.EqualTo(1), "no temp file left behind");
        }
        finally { dir.Delete(true); }
    }

    [Test]
    public void Safetensors_decodes_a_file_with_known_bytes()
    {
        // Header as huggingface/safetensors writes it for {"w": tensor([[1., 2.]]), "i": tensor([7])}.
        var header = "{\"i\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},\"w\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[8,16]}}";
        var ms = new MemoryStream();
        ms.Write(BitConverter.GetBytes((ulong)header.Length));
        ms.Write(Encoding.UTF8.GetBytes(header));
        ms.Write(BitConverter.GetBytes(7L));
        ms.Write(new byte[] { 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40 }); // 1.0f, 2.0f little-endian
        ms.Position = 0;
        var d = Safetensors.Read(ms);
        Assert.That(d["w"].shape, Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(d["w"].ToArray<float>(), Is.EqualTo(new float[] { 1, 2 }));
        Assert.That(d["i"].ToArray<long>(), Is.EqualTo(new long[] { 7 }));

        var written = new MemoryStream();
        Safetensors.Write(d, written);
        var bytes = written.ToArray();
        ulong n = BitConverter.ToUInt64(bytes, 0);
        Assert.That(n % 8, Is.EqualTo(0UL), "header padded to 8 bytes");
        Assert.That(Encoding.UTF8.GetString(bytes, 8, (int)n).TrimEnd(), Is.EqualTo(header));
        Assert.That(bytes[(8 + (int)n)..], Is.EqualTo(ms.ToArray()[(8 + header.Length)..]));
    }

    [Test]
    public void Loading_a_missing_file_names_the_path()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => nn.Linear(1, 1).load("/nonexistent/x.safetensors"));
        Assert.That(ex!.Message, Does.Contain("/nonexistent/x.safetensors"));
    }
}

using GenAI.Core;
using GenAI.Data;
using GenAI.Display;
using GenAI.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class TrainerTests
{
    // The embedded 8×8 digits resampled to 28×28: always available, small enough for fast tests.
    private static readonly Lazy<(Tensor Images, Tensor Labels)> Train = new(() => Load(train: true));
    private static readonly Lazy<(Tensor Images, Tensor Labels)> Test = new(() => Load(train: false));

    private static (Tensor, Tensor) Load(bool train)
    {
        var set = Digits.Load(train: train);
        return (torch.tensor(set.Pixels, set.Count, set.PixelsPerImage), torch.tensor(set.Labels));
    }

    private static TensorLoader Loader(bool train, bool withLabels = false, int batchSize = 64)
    {
        var (images, labels) = (train ? Train : Test).Value;
        return withLabels ? new TensorLoader(batchSize, shuffle: train, images, labels) : new TensorLoader(batchSize, shuffle: train, images);
    }

    [Test]
    public void Three_epochs_on_the_digits_cut_the_vae_validation_loss_by_at_least_40_percent()
    {
        torch.manual_seed(1);
        var vae = new Vae();
        var trainer = Trainer.For(vae);
        double before = trainer.Evaluate(Loader(train: false));
        var history = trainer.Fit(Loader(train: true), epochs: 3, validation: Loader(train: false));

        Assert.That(history.Epochs, Has.Count.EqualTo(3));
        Assert.That(history.Epochs.Select(e => e.Epoch), Is.EqualTo(new[] { 1, 2, 3 }));
        double after = history.Last!.ValidationLoss!.Value;
        Assert.That(after, Is.LessThan(0.6 * before), $"validation loss per image: {before:0.0} untrained → {after:0.0}");
        Assert.That(history.TrainLoss, Is.Ordered.Descending);
        var parts = history.Last.ValidationParts!;
        Assert.That(parts.Keys, Is.EquivalentTo(new[] { "Rekonstruktion", "KL" }));
        Assert.That(parts["Rekonstruktion"] + parts["KL"], Is.EqualTo(after).Within(1e-3 * after));
    }

    [Test]
    public void Two_epochs_cut_the_autoencoder_loss_by_40_and_the_conditional_vae_loss_by_25_percent()
    {
        torch.manual_seed(2);
        var ae = new Autoencoder(new AutoencoderConfig { LatentSize = 10 });
        var aeTrainer = Trainer.For(ae);
        double aeBefore = aeTrainer.Evaluate(Loader(train: false));
        double aeAfter = aeTrainer.Fit(Loader(train: true), epochs: 2, validation: Loader(train: false)).Last!.ValidationLoss!.Value;
        Assert.That(aeAfter, Is.LessThan(0.6 * aeBefore), $"{aeBefore:0.0} → {aeAfter:0.0}");

        var cvae = new ConditionalVae(new ConditionalVaeConfig { HiddenSize = 128 });
        var cvaeTrainer = Trainer.For(cvae);
        double cvaeBefore = cvaeTrainer.Evaluate(Loader(train: false, withLabels: true));
        double cvaeAfter = cvaeTrainer.Fit(Loader(train: true, withLabels: true), epochs: 2, validation: Loader(train: false, withLabels: true))
            .Last!.ValidationLoss!.Value;
        Assert.That(cvaeAfter, Is.LessThan(0.75 * cvaeBefore), $"{cvaeBefore:0.0} → {cvaeAfter:0.0}");
    }

    [Test]
    public void TorchSharp_data_loaders_train_too()
    {
        torch.manual_seed(4);
        var vae = new Vae(new VaeConfig { HiddenSize = 64 });
        var (images, _) = Train.Value;
        using var loader = utils.data.DataLoader(utils.data.TensorDataset(images), 128, shuffle: true, seed: 1);
        var history = Trainer.For(vae).Fit(loader, epochs: 1);
        Assert.That(history.Last!.Steps, Is.EqualTo(loader.Count));
        Assert.That(history.Last.TrainLoss, Is.GreaterThan(0).And.LessThan(1000));
    }

    [Test]
    public void Resident_memory_stays_flat_over_ten_epochs()
    {
        torch.manual_seed(10);
        var vae = new Vae();
        var trainer = Trainer.For(vae);
        var (images, _) = Train.Value;
        var loader = new TensorLoader(64, shuffle: true, images);
        // No GC.Collect here: a step's tensors must be freed by its dispose scope, not by finalizers.
        long Rss()
        {
            // Freed native blocks may sit in glibc's arenas; hand them back so RSS counts live memory only.
            if (OperatingSystem.IsLinux()) malloc_trim(0);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return self.WorkingSet64;
        }
        trainer.Fit(loader, epochs: 2);
        long afterTwo = Rss();
        trainer.Fit(loader, epochs: 8);
        long afterTen = Rss();
        Assert.That(trainer.History.Epochs, Has.Count.EqualTo(10));
        Assert.That((afterTen - afterTwo) / 1048576.0, Is.LessThan(50),
            $"resident memory after epoch 2: {afterTwo / 1048576.0:0} MB, after epoch 10: {afterTen / 1048576.0:0} MB");
    }

    [Test]
    public void A_conditional_vae_fed_images_without_labels_says_what_is_missing()
    {
        var trainer = Trainer.For(new ConditionalVae(new ConditionalVaeConfig { HiddenSize = 16 }));
        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(Loader(train: true), epochs: 1));
        Assert.That(e!.Message, Does.Contain("Labels"));
    }

    [Test]
    public void The_same_seeds_repeat_a_run_exactly()
    {
        double[] Run()
        {
            torch.manual_seed(5);
            var vae = new Vae(new VaeConfig { HiddenSize = 64 });
            var trainer = new Trainer(vae, optim.Adam(vae.parameters(), lr: 1e-3), ((ITrainable)vae).Loss) { Seed = 9 };
            var history = trainer.Fit(Loader(train: true), epochs: 2, validation: Loader(train: false));
            return [.. history.TrainLoss, .. history.ValidationLoss];
        }
        Assert.That(Run(), Is.EqualTo(Run()));
    }

    [Test]
    public void Cancelling_stops_between_batches_and_keeps_the_finished_epochs()
    {
        torch.manual_seed(6);
        var vae = new Vae(new VaeConfig { HiddenSize = 32 });
        using var cancel = new CancellationTokenSource();
        var loader = Loader(train: true);
        int batches = 0;
        var trainer = new Trainer(vae, optim.Adam(vae.parameters()), batch =>
        {
            if (++batches == loader.Count + 3) cancel.Cancel(); // early in the second epoch
            return ((ITrainable)vae).Loss(batch);
        });
        Assert.Throws<OperationCanceledException>(() => trainer.Fit(loader, epochs: 5, cancellationToken: cancel.Token));
        Assert.That(trainer.History.Epochs, Has.Count.EqualTo(1));
        Assert.That(batches, Is.EqualTo(loader.Count + 3), "no batch runs after the cancellation");
    }

    [Test]
    public void Progress_is_reported_in_place_up_to_the_last_batch_of_the_last_epoch()
    {
        var reports = new List<(double Current, double? Total, string? Detail)>();
        var previous = Progress.Factory;
        Progress.Factory = _ => new RecordingView(reports);
        try
        {
            torch.manual_seed(7);
            var vae = new Vae(new VaeConfig { HiddenSize = 16 });
            var loader = Loader(train: true, batchSize: 256);
            Trainer.For(vae).Fit(loader, epochs: 2, validation: Loader(train: false, batchSize: 256));
            var last = reports[^1];
            Assert.That(last.Current, Is.EqualTo(2 * loader.Count));
            Assert.That(last.Total, Is.EqualTo(2 * loader.Count));
            Assert.That(last.Detail, Does.Contain("Epoche 2/2").And.Contain("Validierung"));
            Assert.That(reports.Select(r => r.Current), Is.Ordered);
        }
        finally
        {
            Progress.Factory = previous;
        }
    }

    [Test]
    public void The_history_displays_as_a_loss_chart_above_a_table_with_german_headers()
    {
        torch.manual_seed(8);
        var vae = new Vae(new VaeConfig { HiddenSize = 16 });
        var history = Trainer.For(vae).Fit(Loader(train: true, batchSize: 512), epochs: 2, validation: Loader(train: false, batchSize: 512));
        var bundle = Formatter.ToMimeBundle(history);
        Assert.That(bundle[MimeBundle.TextHtml], Does.Contain("<table").And.Contain(">Epoche</th>").And.Contain(">Validierung KL</th>"));
        Assert.That(bundle[MimeBundle.ImageSvg], Does.Contain("Verlust pro Epoche").And.Contain("Validierung"));
        Assert.That(bundle[MimeBundle.TextPlain], Does.StartWith("Epoche"));
        // The table is the history's DataFrame, in German: the second epoch's training loss, e.g. "412,372".
        Assert.That(bundle[MimeBundle.TextPlain], Does.Contain(TableFormatter.Number(history.Epochs[1].TrainLoss)));
        var chart = history.ToChart();
        Assert.That(GenAI.Tests.Plotting.ChartModel.Model(chart).Traces.Count(), Is.EqualTo(2));
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int malloc_trim(nuint pad);

    private sealed class RecordingView(List<(double, double?, string?)> reports) : IProgressView
    {
        public void Report(double current, double? total = null, string? detail = null) => reports.Add((current, total, detail));
        public void Dispose() { }
    }
}

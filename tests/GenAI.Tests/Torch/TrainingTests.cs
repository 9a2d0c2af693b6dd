using GenAI.Torch;
using GenAI.Torch.Modules;
using static GenAI.Torch.torch;

namespace GenAI.Tests.Torch;

public class TrainingTests
{
    [Test]
    public void A_small_mlp_learns_xor()
    {
        manual_seed(0);
        var x = tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, 4, 2);
        var y = tensor(new float[] { 0, 1, 1, 0 }, 4, 1);
        var model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1));
        var opt = optim.Adam(model.parameters(), lr: 0.05);
        for (int i = 0; i < 300; i++)
        {
            opt.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(x), y);
            loss.backward();
            opt.step();
        }
        using var _ = no_grad();
        var pred = model.forward(x).sigmoid();
        Assert.That(pred.gt(0.5).to_type(ScalarType.Float32).equal(y), Is.True, pred.ToString());
    }

    private sealed class Vae : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc1 = nn.Linear(784, 400), fc21 = nn.Linear(400, 20), fc22 = nn.Linear(400, 20), fc3 = nn.Linear(20, 400), fc4 = nn.Linear(400, 784);
        public Tensor? mu, logvar;
        public Vae() : base("VAE") { }
        public override Tensor forward(Tensor x)
        {
            var h = fc1.forward(x).relu();
            mu = fc21.forward(h); logvar = fc22.forward(h);
            var z = mu + randn_like(mu) * (logvar * 0.5).exp(); // reparameterisation (Kingma & Welling 2014)
            return fc4.forward(fc3.forward(z).relu()).sigmoid();
        }
    }

    [Test]
    public void The_reference_vae_loss_falls_on_synthetic_data()
    {
        manual_seed(0);
        // 256 "images": two prototype patterns plus noise, in [0, 1].
        var proto = rand(2, 784).gt(0.7).to_type(ScalarType.Float32);
        var labels = randint(0, 2, [256]);
        var data = proto.index_select(0, labels).mul(0.8).add(rand(256, 784).mul(0.2));
        var model = new Vae();
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        var loader = utils.data.DataLoader(utils.data.TensorDataset(data), batchSize: 128, shuffle: true, seed: 1);
        var losses = new List<float>();
        for (int epoch = 0; epoch < 6; epoch++)
            foreach (var batch in loader)
            {
                var x = batch[0];
                var recon = model.forward(x);
                var bce = nn.functional.binary_cross_entropy(recon, x, reduction: nn.Reduction.Sum);
                var kld = (1 + model.logvar! - model.mu!.pow(2) - model.logvar!.exp()).sum() * -0.5;
                var loss = bce + kld;
                opt.zero_grad();
                loss.backward();
                opt.step();
                losses.Add(loss.item<float>() / x.size(0));
            }
        Assert.That(losses[^1], Is.LessThan(0.6 * losses[0]), string.Join(", ", losses));
    }
}

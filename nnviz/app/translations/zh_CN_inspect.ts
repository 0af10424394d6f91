<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Export</name>
    <message>
        <source>Network diagram</source>
        <translation>网络图</translation>
    </message>
</context>
<context>
    <name>InspectionPanels</name>
    <message>
        <source>Neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Hidden-layer map</source>
        <translation>隐藏层地图</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Slow motion</source>
        <translation>慢动作</translation>
    </message>
    <message>
        <source>Knock-out</source>
        <translation>敲除</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>检视</translation>
    </message>
    <message>
        <source>Drag the title bar to dock it elsewhere; its button pops it out into a window of its own</source>
        <translation>拖动标题栏可把它停靠到别处；标题栏上的按钮可把它弹出为独立窗口</translation>
    </message>
    <message>
        <source>Click a neuron in the network diagram: its weights, its bias, and its sum written out with the real numbers of your drawing.</source>
        <translation>点击网络图中的一个神经元：查看它的权重、偏置，以及用你笔迹的真实数字写出的加权和。</translation>
    </message>
    <message>
        <source>Draw a digit: softmax turns the network&apos;s ten output values into probabilities, step by step.</source>
        <translation>写一个数字：softmax 会一步一步把网络的十个输出值变成概率。</translation>
    </message>
    <message>
        <source>How often is the network right, and where is it wrong? Evaluate it on the 10,000 MNIST test digits: accuracy, a confusion matrix and the most confident mistakes.</source>
        <translation>网络有多常答对？错在哪里？在 10,000 个 MNIST 测试数字上评估它：准确率、混淆矩阵和最有把握的错误。</translation>
    </message>
    <message>
        <source>Evaluate on the test digits</source>
        <translation>在测试数字上评估</translation>
    </message>
    <message>
        <source>Reading the MNIST test digits: the map of how a hidden layer sees them comes next.</source>
        <translation>正在读取 MNIST 测试数字：随后显示隐藏层眼中的这些数字的分布图。</translation>
    </message>
    <message>
        <source>Draw a digit: slow motion walks it through the network a layer at a time, forward and back.</source>
        <translation>写一个数字：慢动作会带着它一层一层地走过网络，先向前，再向后。</translation>
    </message>
    <message>
        <source>a test digit is on the canvas: draw over it, or Ctrl+Z to go back</source>
        <translation>画布上是一个测试数字：可以在上面继续画，或按 Ctrl+Z 撤回</translation>
    </message>
    <message>
        <source>reading the MNIST test digits…</source>
        <translation>正在读取 MNIST 测试数字…</translation>
    </message>
    <message>
        <source>could not read the MNIST test digits: {0}</source>
        <translation>无法读取 MNIST 测试数字：{0}</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>draw a digit</source>
        <translation>画一个数字</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Node colour: the neuron&apos;s activation for the drawing, scaled per layer
(input pixels and output probabilities: 0 to 1).</source>
        <translation>节点颜色：神经元对当前图画的激活值，每层单独缩放
（输入像素和输出概率：0 到 1）。</translation>
    </message>
    <message>
        <source>for this drawing</source>
        <translation>针对这幅笔迹</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>笔迹</translation>
    </message>
    <message>
        <source>Lines: each neuron&apos;s largest contributions for your drawing (weight × incoming activation),
so different digits light different paths (D)</source>
        <translation>连线：每个神经元针对你的笔迹的最大贡献（权重 × 传入的激活值），
所以不同的数字会点亮不同的路径（D）</translation>
    </message>
    <message>
        <source>strongest weights</source>
        <translation>最强的权重</translation>
    </message>
    <message>
        <source>Lines: each neuron&apos;s largest incoming weights, whatever is drawn (D)</source>
        <translation>连线：每个神经元最大的输入权重，与写的内容无关（D）</translation>
    </message>
    <message>
        <source>weight × input</source>
        <translation>权重 × 输入</translation>
    </message>
    <message>
        <source>An empty ring: a neuron that is (nearly) silent for this drawing.</source>
        <translation>空心圆环：对这幅笔迹（几乎）没有响应的神经元。</translation>
    </message>
    <message>
        <source>Only each hidden layer&apos;s {0} most active neurons are shown.
</source>
        <translation>每个隐藏层只显示最活跃的 {0} 个神经元。
</translation>
    </message>
    <message>
        <source>Each neuron shows its {0} largest contributions for your drawing: weight × the
activation it comes from (input lines start at the lit pixels).
</source>
        <translation>每个神经元显示它针对你的笔迹的 {0} 个最大贡献：权重 × 来源的
激活值（输入连线从被点亮的像素出发）。
</translation>
    </message>
    <message>
        <source>Each neuron shows its {0} strongest incoming weights (big layers: only the
strongest of those).
</source>
        <translation>每个神经元显示它最强的 {0} 个输入权重（大的层：只显示其中
最强的那些）。
</translation>
    </message>
    <message>
        <source>Blue: negative, red: positive; brighter and thicker: stronger.
Hover a node to see its own strongest connections.</source>
        <translation>蓝色：负，红色：正；越亮越粗：越强。
把鼠标停在节点上可查看它自己最强的连接。</translation>
    </message>
    <message>
        <source>input pixel {0} (row {1}, column {2})</source>
        <translation>输入像素 {0}（第 {1} 行，第 {2} 列）</translation>
    </message>
    <message>
        <source>value: draw a digit to see it</source>
        <translation>数值：画一个数字即可看到</translation>
    </message>
    <message>
        <source>value {0}</source>
        <translation>数值 {0}</translation>
    </message>
    <message>
        <source>output: digit {0}</source>
        <translation>输出：数字 {0}</translation>
    </message>
    <message>
        <source>output {0}</source>
        <translation>输出 {0}</translation>
    </message>
    <message>
        <source>probability: draw a digit to see it</source>
        <translation>概率：画一个数字即可看到</translation>
    </message>
    <message>
        <source>probability {0} %</source>
        <translation>概率 {0} %</translation>
    </message>
    <message>
        <source>hidden layer {0}, neuron {1}</source>
        <translation>隐藏层 {0}，神经元 {1}</translation>
    </message>
    <message>
        <source>activation: draw a digit to see it</source>
        <translation>激活值：画一个数字即可看到</translation>
    </message>
    <message>
        <source>activation {0}</source>
        <translation>激活值 {0}</translation>
    </message>
    <message>
        <source>+{0} more</source>
        <translation>另有 {0} 个</translation>
    </message>
    <message>
        <source>{0} of its {1} neurons are shown: the most active for the drawing</source>
        <translation>显示了它 {1} 个神经元中的 {0} 个：对这幅笔迹最活跃的那些</translation>
    </message>
</context>
<context>
    <name>SlowMotionView</name>
    <message>
        <source>δ, log scale (|δ| &lt; {0} shows as 0)</source>
        <translation>δ，对数坐标（|δ| &lt; {0} 显示为 0）</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Back to the input, before the first step</source>
        <translation>回到输入，第一步之前</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Take the steps one after the other at the chosen speed</source>
        <translation>按所选速度一步接一步地自动进行</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>The next step (Space)</source>
        <translation>下一步（空格键）</translation>
    </message>
    <message>
        <source>How long each step takes</source>
        <translation>每一步用时多长</translation>
    </message>
    <message>
        <source>The digit the drawing really is: the backward pass learns towards it (at first the network&apos;s own reading)</source>
        <translation>这幅图真正是哪个数字：反向传播朝它学习（默认为网络自己的识别结果）</translation>
    </message>
    <message>
        <source>The learning rate of the SGD step whose weight changes are shown</source>
        <translation>所显示的权重变化所对应的 SGD 一步的学习率</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>true digit</source>
        <translation>真实数字</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>weight × input</source>
        <translation>权重 × 输入</translation>
    </message>
    <message>
        <source>delta δ</source>
        <translation>误差项 δ</translation>
    </message>
    <message>
        <source>weight change</source>
        <translation>权重变化</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{0} s per step</source>
        <translation>每步 {0} 秒</translation>
    </message>
</context>
<context>
    <name>StepWords</name>
    <message>
        <source>Slow motion</source>
        <translation>慢动作</translation>
    </message>
    <message>
        <source>&lt;p&gt;Draw a digit: slow motion then takes it through the network one layer at a time, forward to the ten outputs and back again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;画一个数字：慢动作会带着它一层一层地穿过网络，前向传播到十个输出，再反向传播回来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Step {0} of {1}: the input</source>
        <translation>第 {0} 步，共 {1} 步：输入</translation>
    </message>
    <message>
        <source>&lt;p&gt;The drawing, as {0} numbers a⁰ between 0 (black) and 1 (white).&lt;/p&gt;&lt;p&gt;Press &lt;b&gt;Space&lt;/b&gt; or &lt;b&gt;Next&lt;/b&gt; to send it through the network, one layer at a time; then the backward pass sends the error back and shows how one step of gradient descent would change the weights.&lt;/p&gt;</source>
        <translation>&lt;p&gt;这幅图就是 {0} 个数 a⁰，取值在 0（黑）到 1（白）之间。&lt;/p&gt;&lt;p&gt;按按 &lt;b&gt;Space&lt;/b&gt; 或lt;b按 &lt;b&gt;Space&lt;/b&gt; 或gt;空格键按 &lt;b&gt;Space&lt;/b&gt; 或lt;/b按 &lt;b&gt;Space&lt;/b&gt; 或gt;或&lt;b&gt;下一步&lt;/b&gt;，让它一层一层地穿过网络；随后反向传播把误差传回来，并显示一步梯度下降会怎样改变权重。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Step {0} of {1}: forward pass, {2}</source>
        <translation>第 {0} 步，共 {1} 步：前向传播，{2}</translation>
    </message>
    <message>
        <source>Step {0} of {1}: backward pass, {2}</source>
        <translation>第 {0} 步，共 {1} 步：反向传播，{2}</translation>
    </message>
    <message>
        <source>input layer</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer {0}</source>
        <translation>隐藏层 {0}</translation>
    </message>
    <message>
        <source>&lt;p&gt;z&lt;sup&gt;{0}&lt;/sup&gt; = W&lt;sup&gt;{0}&lt;/sup&gt;·a&lt;sup&gt;{1}&lt;/sup&gt; + b&lt;sup&gt;{0}&lt;/sup&gt;: each of the {2} neurons adds up its {3} inputs, each times its weight, and its bias. The lines show the largest products weight × input (red: positive, blue: negative).&lt;/p&gt;</source>
        <translation>&lt;p&gt;z&lt;sup&gt;{0}&lt;/sup&gt; = W&lt;sup&gt;{0}&lt;/sup&gt;·a&lt;sup&gt;{1}&lt;/sup&gt; + b&lt;sup&gt;{0}&lt;/sup&gt;：这 {2} 个神经元各自把 {3} 个输入分别乘以权重后相加，再加上偏置。连线显示最大的“权重 × 输入”乘积（红色：正，蓝色：负）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>digit {0}</source>
        <translation>数字 {0}</translation>
    </message>
    <message>
        <source>neuron {0}</source>
        <translation>神经元 {0}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt;: {1}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt;：{1}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{0} more</source>
        <translation>其余 {0} 项</translation>
    </message>
    <message>
        <source>&lt;p&gt;Softmax turns the {0} values z into probabilities: p&lt;sub&gt;i&lt;/sub&gt; = exp(z&lt;sub&gt;i&lt;/sub&gt;) / Σ&lt;sub&gt;k&lt;/sub&gt; exp(z&lt;sub&gt;k&lt;/sub&gt;). Digit {1}: p = {2} %.&lt;/p&gt;&lt;p&gt;The network reads &lt;b&gt;{3}&lt;/b&gt; ({4} %). &lt;a href=&quot;{5}&quot;&gt;Softmax step by step…&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Softmax 把这 {0} 个 z 值变成概率：p&lt;sub&gt;i&lt;/sub&gt; = exp(z&lt;sub&gt;i&lt;/sub&gt;) / Σ&lt;sub&gt;k&lt;/sub&gt; exp(z&lt;sub&gt;k&lt;/sub&gt;)。数字 {1}：p = {2} %。&lt;/p&gt;&lt;p&gt;网络识别为 &lt;b&gt;{3}&lt;/b&gt;（{4} %）。&lt;a href=&quot;{5}&quot;&gt;逐步查看 Softmax…&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;a = {0}(z) = {0}({1}) = {2}&lt;/p&gt;</source>
        <translation>&lt;p&gt;a = {0}(z) = {0}({1}) = {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;{0} of the {1} neurons of this layer are active (a &amp;gt; 0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;本层 {1} 个神经元中有 {0} 个被激活（a &amp;gt; 0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Loss for the true digit {0}: L = −log p&lt;sub&gt;{0}&lt;/sub&gt; = −log {1} = {2}&lt;/p&gt;&lt;p&gt;δ = ∂L/∂z = p − y (y: 1 for digit {0}, 0 for the others). Digit {0}: δ = {1} − 1 = {3}. Digit {4}: δ = p&lt;sub&gt;{4}&lt;/sub&gt; − 0 = {5}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;真实数字为 {0} 时的损失：L = −log p&lt;sub&gt;{0}&lt;/sub&gt; = −log {1} = {2}&lt;/p&gt;&lt;p&gt;δ = ∂L/∂z = p − y（y：数字 {0} 为 1，其余为 0）。数字 {0}：δ = {1} − 1 = {3}。数字 {4}：δ = p&lt;sub&gt;{4}&lt;/sub&gt; − 0 = {5}。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Loss for the true digit {0}: {1}. Output {2}: δ = ∂L/∂z = {3}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;真实数字为 {0} 时的损失：{1}。输出 {2}：δ = ∂L/∂z = {3}。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;δ&lt;sup&gt;{0}&lt;/sup&gt; = (W&lt;sup&gt;{1}&lt;/sup&gt; δ&lt;sup&gt;{1}&lt;/sup&gt;) ⊙ {2}′(z&lt;sup&gt;{0}&lt;/sup&gt;): the error of the layer above, sent back through the same weights, times the slope of {2}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Neuron {3}&lt;/b&gt;: Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; δ&lt;sub&gt;k&lt;/sub&gt; = {4}, {2}′({5}) = {6}, so δ = {7}&lt;/p&gt;</source>
        <translation>&lt;p&gt;δ&lt;sup&gt;{0}&lt;/sup&gt; = (W&lt;sup&gt;{1}&lt;/sup&gt; δ&lt;sup&gt;{1}&lt;/sup&gt;) ⊙ {2}′(z&lt;sup&gt;{0}&lt;/sup&gt;)：后一层的误差经同样的权重传回来，再乘以 {2} 的斜率。&lt;/p&gt;&lt;p&gt;&lt;b&gt;神经元 {3}&lt;/b&gt;：Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; δ&lt;sub&gt;k&lt;/sub&gt; = {4}，{2}′({5}) = {6}，所以 δ = {7}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;{0} of the {1} neurons get no error at all: their slope is 0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{1} 个神经元中有 {0} 个完全得不到误差：它们的斜率为 0。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Gradient ∂L/∂W = a&lt;sup&gt;{0}&lt;/sup&gt; ⊗ δ&lt;sup&gt;{1}&lt;/sup&gt;: the largest, {2}, is on the weight from {3} to {4}. One step of gradient descent with learning rate {5} changes it by −{5} × {6} = {7}; the lines show the largest changes (red: the weight grows, blue: it shrinks).&lt;/p&gt;</source>
        <translation>&lt;p&gt;梯度 ∂L/∂W = a&lt;sup&gt;{0}&lt;/sup&gt; ⊗ δ&lt;sup&gt;{1}&lt;/sup&gt;：最大的是 {2}，位于从 {3} 到 {4} 的权重上。学习率为 {5} 的一步梯度下降使它改变 −{5} × {6} = {7}；连线显示最大的变化（红色：权重增大，蓝色：权重减小）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>input pixel {0}</source>
        <translation>输入像素 {0}</translation>
    </message>
    <message>
        <source>output {0}</source>
        <translation>输出 {0}</translation>
    </message>
    <message>
        <source>neuron {0} of hidden layer {1}</source>
        <translation>隐藏层 {1} 的神经元 {0}</translation>
    </message>
</context>
</TS>

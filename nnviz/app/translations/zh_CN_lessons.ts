<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BoundaryLessonView</name>
    <message>
        <source>The dashed lines: where each hidden neuron&apos;s weighted sum z is 0. Each one cuts the plane in two halves; the output neuron combines the halves into its boundary.</source>
        <translation>虚线：每个隐藏神经元的加权和 z 等于 0 的位置。每条线把平面切成两半；输出神经元把这些半平面组合成自己的分界线。</translation>
    </message>
    <message>
        <source>hidden {0}</source>
        <translation>隐藏神经元 {0}</translation>
    </message>
</context>
<context>
    <name>FitSineLessonView</name>
    <message>
        <source>Fitting a curve with two neurons</source>
        <translation>用两个神经元拟合曲线</translation>
    </message>
    <message>
        <source>A network with one input, two sigmoid neurons and a linear output learns g(p) = 1 + sin(πp/4) on [−2, 2] from 100 points, one point at a time (stochastic gradient descent, learning rate 0.01). Press Play and watch the blue curve bend through the orange points: it is the sum of what the two neurons add (dashed and dotted, each a stretched sigmoid) and a constant c.</source>
        <translation>一个有一个输入、两个 sigmoid 神经元和线性输出的网络，在 [−2, 2] 上从 100 个点学习 g(p) = 1 + sin(πp/4)，每次用一个点（随机梯度下降，学习率 0.01）。按“播放”，看蓝色曲线弯过橙色的点：它是两个神经元各自加上的部分（虚线和点线，各是一条拉伸过的 sigmoid）与一个常数 c 之和。</translation>
    </message>
    <message>
        <source>the 100 training points of 1 + sin(πp/4)</source>
        <translation>1 + sin(πp/4) 的 100 个训练点</translation>
    </message>
    <message>
        <source>neuron {0}: v{1}·sigmoid(w{1}p + b{1})</source>
        <translation>神经元 {0}：v{1}·sigmoid(w{1}p + b{1})</translation>
    </message>
    <message>
        <source>the constant c</source>
        <translation>常数 c</translation>
    </message>
    <message>
        <source>epoch {0}: mean squared error {1}; c = {2}</source>
        <translation>第 {0} 轮：均方误差 {1}；c = {2}</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>网络的输出</translation>
    </message>
</context>
<context>
    <name>ForwardLessonView</name>
    <message>
        <source>Forward propagation, layer by layer</source>
        <translation>逐层前向传播</translation>
    </message>
    <message>
        <source>Each layer takes the previous layer&apos;s outputs &lt;b&gt;a&lt;/b&gt;, computes &lt;b&gt;z = a·W + b&lt;/b&gt; for all its neurons at once (one matrix product), and applies its activation. The textbook&apos;s 2-3-2-2 network: sigmoid hidden layers, identity output, input x = [1, 0.5].</source>
        <translation>每一层接收上一层的输出 &lt;b&gt;a&lt;/b&gt;，一次算出本层所有神经元的 &lt;b&gt;z = a·W + b&lt;/b&gt;（一次矩阵乘法），再经过本层的激活函数。教材中的 2-3-2-2 网络：隐藏层用 sigmoid，输出层用恒等函数，输入 x = [1, 0.5]。</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <source>layer {0}
activation: {1}</source>
        <translation>第 {0} 层
激活函数：{1}</translation>
    </message>
    <message>
        <source>layer {0}
{1}</source>
        <translation>第 {0} 层
{1}</translation>
    </message>
</context>
<context>
    <name>LessonWindow</name>
    <message>
        <source>{0} is a folder; give a lesson name or a .nnviz lesson file</source>
        <translation>{0} 是一个文件夹；请给出课程名称或 .nnviz 课程文件</translation>
    </message>
    <message>
        <source>&apos;mnist&apos; is the main window itself: run nnviz without --lesson, or give a .nnviz file</source>
        <translation>&apos;mnist&apos; 就是主窗口本身：请不带 --lesson 运行 nnviz，或给出一个 .nnviz 文件</translation>
    </message>
    <message>
        <source>unknown lesson {0}; choose one of: {1}</source>
        <translation>未知的课程 {0}；可选的课程：{1}</translation>
    </message>
    <message>
        <source>the lesson {0} has no view in the window yet; lessons with one: {1} (all of them run from Python: import nnviz.lessons)</source>
        <translation>课程 {0} 在窗口中还没有视图；已有视图的课程：{1}（所有课程都可以在 Python 中运行：import nnviz.lessons）</translation>
    </message>
    <message>
        <source>nnviz lesson: {0}</source>
        <translation>nnviz 课程：{0}</translation>
    </message>
</context>
<context>
    <name>LossesActivationsLessonView</name>
    <message>
        <source>Losses, activations, regularisation, schedules</source>
        <translation>损失函数、激活函数、正则化与学习率调度</translation>
    </message>
    <message>
        <source>Four small plots behind the choices in the training panel: why cross-entropy punishes confident mistakes harder than the squared error; the activation functions and their derivatives (what backpropagation multiplies by); what L1 and L2 penalties do to the weights; how the learning rate changes over a run.</source>
        <translation>训练面板里各项选择背后的四张小图：为什么交叉熵对“很有把握的错误”惩罚得比平方误差更重；各种激活函数及其导数（反向传播时要乘上的量）；L1 与 L2 正则化对权重有什么影响；学习率在一次训练中如何变化。</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>L1 vs L2</source>
        <translation>L1 与 L2</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>probability given to the right answer</source>
        <translation>给正确答案的概率</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>step</source>
        <translation>阶跃</translation>
    </message>
    <message>
        <source>first-layer weight</source>
        <translation>第一层权重</translation>
    </message>
    <message>
        <source>how many</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>no penalty</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>learning-rate factor</source>
        <translation>学习率倍数</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>cosine annealing</source>
        <translation>余弦退火</translation>
    </message>
</context>
<context>
    <name>NeuronLessonView</name>
    <message>
        <source>One neuron: perceptron and sigmoid</source>
        <translation>一个神经元：感知机与 sigmoid 神经元</translation>
    </message>
    <message>
        <source>A neuron multiplies each input by its weight, adds them up with a bias, and applies an activation: &lt;b&gt;z = w₁x₁ + w₂x₂ + b&lt;/b&gt;. The &lt;b&gt;perceptron&lt;/b&gt; answers 1 when z &amp;gt; 0, else 0; the &lt;b&gt;sigmoid neuron&lt;/b&gt; answers 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;), a smooth version that learning by gradient descent needs. Change the numbers and watch both.</source>
        <translation>神经元把每个输入乘以各自的权重，求和并加上偏置，再经过激活函数：&lt;b&gt;z = w₁x₁ + w₂x₂ + b&lt;/b&gt;。&lt;b&gt;感知机&lt;/b&gt;在 z &amp;gt; 0 时输出 1，否则输出 0；&lt;b&gt;sigmoid 神经元&lt;/b&gt;输出 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)，这是一个平滑的版本，用梯度下降学习时离不开它。改变这些数，观察两个神经元的输出。</translation>
    </message>
    <message>
        <source>input x₁</source>
        <translation>输入 x₁</translation>
    </message>
    <message>
        <source>input x₂</source>
        <translation>输入 x₂</translation>
    </message>
    <message>
        <source>weight w₁</source>
        <translation>权重 w₁</translation>
    </message>
    <message>
        <source>weight w₂</source>
        <translation>权重 w₂</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>Textbook example</source>
        <translation>教材示例</translation>
    </message>
    <message>
        <source>output a</source>
        <translation>输出 a</translation>
    </message>
    <message>
        <source>perceptron (step)</source>
        <translation>感知机（阶跃）</translation>
    </message>
    <message>
        <source>sigmoid neuron</source>
        <translation>sigmoid 神经元</translation>
    </message>
    <message>
        <source>perceptron: a = {0}</source>
        <translation>感知机：a = {0}</translation>
    </message>
    <message>
        <source>sigmoid neuron: a = {0}</source>
        <translation>sigmoid 神经元：a = {0}</translation>
    </message>
</context>
<context>
    <name>OptimizersLessonView</name>
    <message>
        <source>Ten optimizers, one landscape</source>
        <translation>十种优化器，同一个损失曲面</translation>
    </message>
    <message>
        <source>Every optimizer gets the same gradient at the same point and decides differently how far and where to step: SGD, Momentum, NAG, AdaGrad, RMSprop, Adam, AdamW, AdaDelta, AMSGrad, NAdam. Choose a surface and press Play; the white target ⊕ is the minimum.</source>
        <translation>每个优化器在同一点得到相同的梯度，却各自决定这一步迈多远、朝哪里迈：SGD、Momentum、NAG、AdaGrad、RMSprop、Adam、AdamW、AdaDelta、AMSGrad、NAdam。选择一个曲面并按“播放”；白色靶心 ⊕ 是最小值点。</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>Rosenbrock 函数</translation>
    </message>
    <message>
        <source>bowl</source>
        <translation>狭长碗形</translation>
    </message>
    <message>
        <source>surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>step {0} of {1}; nearest the minimum now: {2}</source>
        <translation>第 {0} 步（共 {1} 步）；当前离最小值最近的是：{2}</translation>
    </message>
</context>
<context>
    <name>PlayerControls</name>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source> epochs per frame</source>
        <translation> 轮/帧</translation>
    </message>
    <message>
        <source> steps per frame</source>
        <translation> 步/帧</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
</context>
<context>
    <name>TwoLayerLessonView</name>
    <message>
        <source>Alice</source>
        <translation>爱丽丝</translation>
    </message>
    <message>
        <source>Bob</source>
        <translation>鲍勃</translation>
    </message>
    <message>
        <source>Charlie</source>
        <translation>查理</translation>
    </message>
    <message>
        <source>Diana</source>
        <translation>戴安娜</translation>
    </message>
    <message>
        <source>A network of three neurons</source>
        <translation>由三个神经元组成的网络</translation>
    </message>
    <message>
        <source>Two sigmoid neurons read the inputs, a third reads them: a 2-2-1 network. With every weight [0, 1] and every bias 0, the input x = [2, 3] goes through like this. Then the same shape learns a task: telling women from men by weight and height (four people, stochastic gradient descent on the mean squared error). Red: the network says female; blue: male.</source>
        <translation>两个 sigmoid 神经元读取输入，第三个神经元再读取它们的输出：这是一个 2-2-1 网络。当所有权重都是 [0, 1]、所有偏置都是 0 时，输入 x = [2, 3] 的计算过程如下。接着，同样结构的网络学习一个任务：根据体重和身高区分女性和男性（四个人，用随机梯度下降最小化均方误差）。红色：网络判断为女性；蓝色：男性。</translation>
    </message>
    <message>
        <source>weight − 135 lb</source>
        <translation>体重 − 135 磅</translation>
    </message>
    <message>
        <source>height − 66 in</source>
        <translation>身高 − 66 英寸</translation>
    </message>
    <message>
        <source>{0}: {1} %</source>
        <translation>{0}：{1}%</translation>
    </message>
    <message>
        <source>epoch {0}: loss {1}
{2} of 4 right
P(female):</source>
        <translation>第 {0} 轮：损失 {1}
4 人中判断对 {2} 人
P(女性)：</translation>
    </message>
</context>
<context>
    <name>XorLessonView</name>
    <message>
        <source>XOR: why hidden layers</source>
        <translation>异或（XOR）：为什么需要隐藏层</translation>
    </message>
    <message>
        <source>XOR is 1 when exactly one input is 1. No straight line separates {(0,1), (1,0)} from {(0,0), (1,1)}, so a single perceptron keeps making mistakes however long it learns. A network with a hidden layer of two neurons can bend its decision boundary: press Play and watch the regions form (red: output near 1, blue: near 0).</source>
        <translation>恰好有一个输入为 1 时，XOR 的结果为 1。没有一条直线能把 {(0,1), (1,0)} 与 {(0,0), (1,1)} 分开，所以单个感知机无论学习多久都会出错。而带一个隐藏层（两个神经元）的网络能把决策边界弯曲：按“播放”，观察各个区域逐渐形成（红色：输出接近 1；蓝色：接近 0）。</translation>
    </message>
    <message>
        <source>A single perceptron, {0} epochs of its learning rule: still {1} of 4 wrong (fewest ever: {2}). The 2-2-1 network:</source>
        <translation>单个感知机按它的学习规则训练 {0} 轮后，4 个样本中仍有 {1} 个分错（最少时也有 {2} 个分错）。2-2-1 网络：</translation>
    </message>
    <message>
        <source>input 1</source>
        <translation>输入 1</translation>
    </message>
    <message>
        <source>input 2</source>
        <translation>输入 2</translation>
    </message>
    <message>
        <source>epoch {0}: loss {1}
outputs for 00, 01, 10, 11: {2}
{3} of 4 right</source>
        <translation>第 {0} 轮：损失 {1}
00、01、10、11 的输出：{2}
4 个中答对 {3} 个</translation>
    </message>
</context>
</TS>

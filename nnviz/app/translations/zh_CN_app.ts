<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a model file (.npz) saved by nnviz</source>
        <translation>打开 nnviz 保存的模型文件（.npz）</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the current network to a file</source>
        <translation>把当前网络保存到文件</translation>
    </message>
    <message>
        <source>&amp;Reload the shipped model</source>
        <translation>重新载入自带模型(&amp;R)</translation>
    </message>
    <message>
        <source>Go back to the pretrained model that comes with nnviz</source>
        <translation>回到 nnviz 自带的预训练模型</translation>
    </message>
    <message>
        <source>Open &amp;picture…</source>
        <translation>打开图片(&amp;P)…</translation>
    </message>
    <message>
        <source>Put a picture of a digit on the canvas</source>
        <translation>把一张数字图片放到画布上</translation>
    </message>
    <message>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <source>Open a lesson set-up (.nnviz): architecture, hyperparameters, seed and panels</source>
        <translation>打开课程设置（.nnviz）：网络结构、超参数、随机种子和面板</translation>
    </message>
    <message>
        <source>Save lesson set-&amp;up…</source>
        <translation>保存课程设置(&amp;U)…</translation>
    </message>
    <message>
        <source>Save this set-up as a .nnviz file to open again or share with a class</source>
        <translation>把当前设置保存为 .nnviz 文件，便于再次打开或分享给全班</translation>
    </message>
    <message>
        <source>&amp;Download MNIST…</source>
        <translation>下载 MNIST(&amp;D)…</translation>
    </message>
    <message>
        <source>Fetch the MNIST digits used for training</source>
        <translation>下载用于训练的 MNIST 数字</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Take back the last stroke, or the correction just taught</source>
        <translation>撤销上一笔，或刚教过的纠正</translation>
    </message>
    <message>
        <source>&amp;Clear drawing</source>
        <translation>清空画布(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Log-scale loss</source>
        <translation>损失取对数坐标(&amp;L)</translation>
    </message>
    <message>
        <source>Diagram: lines for this &amp;drawing</source>
        <translation>网络图：针对这幅笔迹的连线(&amp;D)</translation>
    </message>
    <message>
        <source>Lines: each neuron&apos;s largest contributions for the drawing (off: its strongest weights)</source>
        <translation>连线：每个神经元针对这幅笔迹的最大贡献（关闭时：它最强的权重）</translation>
    </message>
    <message>
        <source>Diagram: let the signal &amp;flow</source>
        <translation>网络图：让信号流动(&amp;F)</translation>
    </message>
    <message>
        <source>When the drawing changes, the signal runs through the layers one after the other</source>
        <translation>笔迹改变时，信号依次流过各层</translation>
    </message>
    <message>
        <source>Weights: show the &amp;change since Reset</source>
        <translation>权重：显示重置以来的变化(&amp;C)</translation>
    </message>
    <message>
        <source>Colour each weight by how much training has changed it</source>
        <translation>按训练使每个权重改变了多少来着色</translation>
    </message>
    <message>
        <source>Weights: one &amp;scale for all tiles</source>
        <translation>权重：所有小图使用同一色标(&amp;S)</translation>
    </message>
    <message>
        <source>All tiles on one colour scale instead of each on its own</source>
        <translation>所有小图使用同一个色标，而不是各用各的</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Presentation mode: full screen, large type, high contrast, secondary panels hidden</source>
        <translation>演示模式：全屏、大字号、高对比度，隐藏次要面板</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start / pause</source>
        <translation>开始 / 暂停(&amp;S)</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格键）</translation>
    </message>
    <message>
        <source>S&amp;tep (one batch)</source>
        <translation>单步（一个批次）(&amp;T)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset network</source>
        <translation>重置网络(&amp;R)</translation>
    </message>
    <message>
        <source>A new untrained network with the panel&apos;s hidden layers, activation and seed</source>
        <translation>按面板中的隐藏层、激活函数和随机种子新建一个未训练的网络</translation>
    </message>
    <message>
        <source>&amp;Undo reset</source>
        <translation>撤销重置(&amp;U)</translation>
    </message>
    <message>
        <source>Bring back the network the last Reset replaced (until training starts again)</source>
        <translation>找回上一次重置替换掉的网络（在重新开始训练之前有效）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Cl&amp;icker</source>
        <translation>翻页笔(&amp;I)</translation>
    </message>
    <message>
        <source>Run &amp;again with the same seed</source>
        <translation>用同一种子再训练一次(&amp;A)</translation>
    </message>
    <message>
        <source>A new network from the same seed, trained with the same settings: the same curves again, over the faint ones of this run</source>
        <translation>用同一种子新建网络，按同样的设置训练：得到同样的曲线，叠在这次训练的淡色曲线上</translation>
    </message>
    <message>
        <source>Back to &amp;live</source>
        <translation>回到实时(&amp;L)</translation>
    </message>
    <message>
        <source>After rewinding: show the network being trained again</source>
        <translation>回放之后：重新显示正在训练的网络</translation>
    </message>
    <message>
        <source>&amp;Help and shortcuts</source>
        <translation>帮助与快捷键(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About nnviz</source>
        <translation>关于 nnviz(&amp;A)</translation>
    </message>
    <message>
        <source>P&amp;anels</source>
        <translation>面板(&amp;A)</translation>
    </message>
    <message>
        <source>Pop &amp;out</source>
        <translation>弹出(&amp;O)</translation>
    </message>
    <message>
        <source>Show or hide this panel</source>
        <translation>显示或隐藏此面板</translation>
    </message>
    <message>
        <source>Move this panel into a window of its own</source>
        <translation>把此面板移到独立窗口中</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>全部显示(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast (projector)</source>
        <translation>高对比度（投影仪）</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Saliency on the canvas</source>
        <translation>画布上的显著性(&amp;S)</translation>
    </message>
    <message>
        <source>Colour the drawing by how each pixel pushes the predicted digit&apos;s score: red up, blue down</source>
        <translation>按每个像素对预测数字得分的影响给笔迹着色：红色推高，蓝色拉低</translation>
    </message>
    <message>
        <source>Saliency by &amp;occlusion</source>
        <translation>遮挡法显著性(&amp;O)</translation>
    </message>
    <message>
        <source>Instead of the gradient: how much the prediction loses when a 4×4 patch is covered</source>
        <translation>不用梯度，而是看遮住一个 4×4 小块时预测下降多少</translation>
    </message>
    <message>
        <source>&amp;Evaluate on the test digits</source>
        <translation>在测试数字上评估(&amp;E)</translation>
    </message>
    <message>
        <source>Accuracy, confusion matrix and mistakes on the 10,000 MNIST test digits</source>
        <translation>在 10,000 个 MNIST 测试数字上的准确率、混淆矩阵和错误样例</translation>
    </message>
    <message>
        <source>Hidden-layer &amp;map</source>
        <translation>隐藏层图(&amp;M)</translation>
    </message>
    <message>
        <source>The test digits as a hidden layer sees them, flattened to 2-D by PCA</source>
        <translation>隐藏层眼中的测试数字，用 PCA 降到二维</translation>
    </message>
    <message>
        <source>Weight and gradient &amp;histograms</source>
        <translation>权重与梯度直方图(&amp;H)</translation>
    </message>
    <message>
        <source>How each layer&apos;s weights and gradients are distributed, live</source>
        <translation>实时显示每一层权重和梯度的分布</translation>
    </message>
    <message>
        <source>Soft&amp;max step by step</source>
        <translation>逐步计算 Softmax(&amp;M)</translation>
    </message>
    <message>
        <source>The ten output values through softmax: exp, sum, divide, with a temperature</source>
        <translation>十个输出值经过 softmax：取指数、求和、相除，可调温度</translation>
    </message>
    <message>
        <source>Neuron &amp;inspector</source>
        <translation>神经元检查器(&amp;I)</translation>
    </message>
    <message>
        <source>Click a neuron in the network diagram to see its weights and its sum written out</source>
        <translation>点击网络图中的神经元，查看它的权重和展开的加权和</translation>
    </message>
    <message>
        <source>S&amp;low motion</source>
        <translation>慢动作(&amp;L)</translation>
    </message>
    <message>
        <source>One forward and one backward pass for your drawing, layer by layer (Space: next step)</source>
        <translation>对你的笔迹逐层演示一次前向传播和一次反向传播（空格键：下一步）</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>Arrangement</name>
    <message>
        <source>Pen width</source>
        <translation>笔宽</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>画布</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Every layer&apos;s most active neurons, coloured by their activation for your drawing,
with their strongest connections</source>
        <translation>每一层最活跃的神经元，颜色表示它们对你的笔迹的激活值，
并画出它们最强的连接</translation>
    </message>
    <message>
        <source>Hidden-layer activations</source>
        <translation>隐藏层激活值</translation>
    </message>
    <message>
        <source>Each hidden layer as a small image: one square per neuron</source>
        <translation>每个隐藏层画成一幅小图：一个方格代表一个神经元</translation>
    </message>
    <message>
        <source>First-layer weights</source>
        <translation>第一层权重</translation>
    </message>
    <message>
        <source>One 28×28 tile per neuron of hidden layer 1: what it looks for.
Red pixels excite it, blue ones inhibit it.</source>
        <translation>第一隐藏层的每个神经元一个 28×28 小图：它在寻找什么。
红色像素激发它，蓝色像素抑制它。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>损失与准确率</translation>
    </message>
</context>
<context>
    <name>Clicker</name>
    <message>
        <source>&amp;Next (clicker)</source>
        <translation>下一步（翻页笔）(&amp;N)</translation>
    </message>
    <message>
        <source>The next step of slow motion, the timeline or a lesson</source>
        <translation>慢动作、时间轴或课程的下一步</translation>
    </message>
    <message>
        <source>&amp;Back (clicker)</source>
        <translation>上一步（翻页笔）(&amp;B)</translation>
    </message>
    <message>
        <source>The step before, in slow motion, the timeline or a lesson</source>
        <translation>慢动作、时间轴或课程的上一步</translation>
    </message>
    <message>
        <source>B&amp;lank the screen</source>
        <translation>黑屏(&amp;L)</translation>
    </message>
    <message>
        <source>Black, like a slide deck&apos;s B; any key or click brings it back</source>
        <translation>像幻灯片的 B 键一样黑屏；按任意键或点击即可恢复</translation>
    </message>
</context>
<context>
    <name>ComparingRuns</name>
    <message>
        <source>{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>lr {0}</source>
        <translation>学习率 {0}</translation>
    </message>
    <message>
        <source>batch {0}</source>
        <translation>批量 {0}</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>种子 {0}</translation>
    </message>
    <message>
        <source>other settings</source>
        <translation>其他设置不同</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>设置相同</translation>
    </message>
    <message>
        <source>changed while running</source>
        <translation>训练中改过设置</translation>
    </message>
    <message>
        <source>run {0}: {1}</source>
        <translation>第 {0} 次：{1}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Run again with the same seed</source>
        <translation>用同一种子再训练一次</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>(earlier runs appear here after Reset)</source>
        <translation>（重置网络后，之前的训练会列在这里）</translation>
    </message>
    <message>
        <source>Remove all earlier runs</source>
        <translation>移除之前的所有训练</translation>
    </message>
    <message>
        <source>Keep at most</source>
        <translation>最多保留</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次训练</numerusform>
        </translation>
    </message>
    <message>
        <source>That run began from a network Reset had not made: this one begins from a new network with seed {0}</source>
        <translation>那次训练不是从重置得到的网络开始的：这次从种子为 {0} 的新网络开始</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>The model {0} was not found.</source>
        <translation>找不到模型 {0}。</translation>
    </message>
    <message>
        <source>The model {0} could not be loaded: {1}.</source>
        <translation>无法载入模型 {0}：{1}。</translation>
    </message>
    <message>
        <source>The predictions come from an untrained network until you train one (Start) or open a model file (Ctrl+O).</source>
        <translation>在你训练一个网络（开始）或打开模型文件（Ctrl+O）之前，预测来自一个未训练的网络。</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>no model file loaded</source>
        <translation>未载入模型文件</translation>
    </message>
    <message>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <source>opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <source>Could not save the model: {0}</source>
        <translation>无法保存模型：{0}</translation>
    </message>
    <message>
        <source>saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>{0} is missing or damaged</source>
        <translation>{0} 缺失或已损坏</translation>
    </message>
    <message>
        <source>{0}; press Start to train</source>
        <translation>{0}；按“开始”进行训练</translation>
    </message>
    <message>
        <source>MNIST was not downloaded: {0}</source>
        <translation>MNIST 未下载：{0}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Save the model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Could not open the lesson: {0}</source>
        <translation>无法打开课程：{0}</translation>
    </message>
    <message>
        <source>lesson {0}: {1}, press Start</source>
        <translation>课程 {0}：{1}，按“开始”</translation>
    </message>
    <message>
        <source>Could not save the lesson: {0}</source>
        <translation>无法保存课程：{0}</translation>
    </message>
    <message>
        <source>Open a lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Save the lesson set-up</source>
        <translation>保存课程设置</translation>
    </message>
    <message>
        <source>Open a picture of a digit</source>
        <translation>打开一张数字图片</translation>
    </message>
    <message>
        <source>About nnviz</source>
        <translation>关于 nnviz</translation>
    </message>
    <message>
        <source>&lt;b&gt;nnviz {0}&lt;/b&gt;&lt;br&gt;A from-scratch NumPy neural network you can draw for and watch learn. MIT licence.</source>
        <translation>&lt;b&gt;nnviz {0}&lt;/b&gt;&lt;br&gt;一个用 NumPy 从零写成的神经网络：你可以写数字给它看，并观察它学习。MIT 许可证。</translation>
    </message>
    <message>
        <source>nnviz: internal error</source>
        <translation>nnviz：内部错误</translation>
    </message>
    <message>
        <source>This is a bug in nnviz; the window stays usable. The details below help to fix it.</source>
        <translation>这是 nnviz 的一个缺陷；窗口仍可使用。下面的详情有助于修复它。</translation>
    </message>
</context>
<context>
    <name>DrawingReader</name>
    <message>
        <source>&amp;Dream a digit…</source>
        <translation>梦见一个数字(&amp;D)…</translation>
    </message>
    <message>
        <source>What does the network think a 3 looks like? Grow a picture it is sure of</source>
        <translation>网络心目中的 3 是什么样子？生成一张让它确信的图</translation>
    </message>
    <message>
        <source>&amp;Nudge the drawing…</source>
        <translation>轻推手写(&amp;N)…</translation>
    </message>
    <message>
        <source>The smallest change to your drawing that makes the network read another digit</source>
        <translation>对你的手写做最小的改动，让网络认作另一个数字</translation>
    </message>
    <message>
        <source>&amp;Restore all neurons</source>
        <translation>恢复所有神经元(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>{0}: choose a .png, .svg or .csv file name</source>
        <translation>{0}：请选择 .png、.svg 或 .csv 文件名</translation>
    </message>
    <message>
        <source>{0}: no data yet; draw, train or evaluate first</source>
        <translation>{0}：还没有数据；请先书写、训练或评估</translation>
    </message>
    <message>
        <source>could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Save {0} as {1}</source>
        <translation>将{0}保存为{1}</translation>
    </message>
    <message>
        <source>saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>{0}…</source>
        <translation>{0}…</translation>
    </message>
    <message>
        <source>Save as {0}…</source>
        <translation>另存为{0}…</translation>
    </message>
</context>
<context>
    <name>Filming</name>
    <message>
        <source>&amp;Record a film…</source>
        <translation>录制影片(&amp;R)…</translation>
    </message>
    <message>
        <source>Film the window or one panel as an animated GIF or an MP4, until you choose Stop recording</source>
        <translation>把整个窗口或一个面板录制成 GIF 动图或 MP4 视频，直到选择“停止录制”</translation>
    </message>
    <message>
        <source>Record a film</source>
        <translation>录制影片</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif);;MP4 video (*.mp4)</source>
        <translation>GIF 动图 (*.gif);;MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>The whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>What to film:</source>
        <translation>录制什么：</translation>
    </message>
    <message>
        <source>● Recording — {0}</source>
        <translation>● 正在录制 — {0}</translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <source>saved the film {0}: {1} frames, {2} × {3}, {4} MB</source>
        <translation>已保存影片 {0}：{1} 帧，{2} × {3}，{4} MB</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>h{0}</source>
        <translation>隐{0}</translation>
    </message>
    <message>
        <source>hidden {0}</source>
        <translation>隐藏层 {0}</translation>
    </message>
    <message>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>draw a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <source>nnviz models (*.npz);;All files (*)</source>
        <translation>nnviz 模型 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>nnviz lessons (*.nnviz);;All files (*)</source>
        <translation>nnviz 课程 (*.nnviz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.npy);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>
&lt;h2&gt;nnviz: watch a neural network read and learn&lt;/h2&gt;
&lt;p&gt;&lt;b&gt;Draw&lt;/b&gt; a digit on the black square with the left mouse button (or a pen). The network&apos;s guess and
its confidence for every digit update while you draw. The small grid shows the 28×28 picture the network
actually reads: your drawing, cropped, scaled and centred like the MNIST digits it learned from.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;The diagram&lt;/b&gt; shows each layer&apos;s most active neurons, coloured by how strongly they respond to your
drawing (an empty ring: a silent one), and the largest contributions into each neuron for your drawing, weight ×
input (blue: negative, red: positive): a 2 and an 8 light different paths. When you lift the pen, the signal
flows through the layers once. D, or the buttons above the diagram, shows the strongest weights instead.
Hover a neuron to see its value and connections. &lt;b&gt;Activations&lt;/b&gt; shows each hidden layer as a small image; &lt;b&gt;first-layer
weights&lt;/b&gt; shows, for each neuron of the first hidden layer, which pixels excite it (red) or inhibit it
(blue).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Train&lt;/b&gt;: press Start to train on MNIST&apos;s 60,000 digits and watch weights, curves and the
prediction change live. Learning rate, optimizer, batch size and penalties can be changed during a run;
hidden layers, activation and seed take effect on Reset, which can be undone until training starts again.
&lt;b&gt;Speed&lt;/b&gt; slows training down to a few steps a second, to talk a class through them.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Compare and rewind&lt;/b&gt;: after Reset, the run before stays on the loss plot, faint, named by what was
different; the Runs menu under the plot shows, hides and removes earlier runs, and Train → Run again with the
same seed repeats a run exactly. The slider under the curves goes back in time: the diagram, weights,
prediction and histograms show the network as it was then; Live (or End) comes back. Save model keeps this
timeline in the file.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Look inside&lt;/b&gt; (Inspect menu): click a neuron in the diagram to see its weights and its sum written
out with the real numbers; &lt;b&gt;Why?&lt;/b&gt; colours your drawing by which pixels pushed the answer up (red) or
down (blue); &lt;b&gt;Evaluate&lt;/b&gt; shows where the network is wrong on 10,000 test digits (click a cell of the
confusion matrix); the &lt;b&gt;hidden-layer map&lt;/b&gt; shows how a layer groups the digits; the &lt;b&gt;histograms&lt;/b&gt;
show weights and gradients while training. Right-click a view (or File → Export) to save it as PNG, SVG
or CSV.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;In a lecture&lt;/b&gt;: F11 presents (full screen, large type, high contrast, only the main panels).
Every panel can be popped out into a window of its own or hidden with the buttons beside its title;
View → Panels brings it back. A presenter&apos;s clicker works: PageDown / → and PageUp / ← step slow motion, the
timeline or a lesson; B blanks the screen. View → Language switches between English and 简体中文.&lt;/p&gt;
</source>
        <translation>
&lt;h2&gt;nnviz：看神经网络如何识别与学习&lt;/h2&gt;
&lt;p&gt;用鼠标左键（或手写笔）在黑色方框里&lt;b&gt;写一个数字&lt;/b&gt;。网络的判断以及它对每个数字的把握，会在你书写时实时更新。
小方格显示网络真正读到的 28×28 图像：你的笔迹经过裁剪、缩放并居中，与它学习过的 MNIST 数字一致。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;网络图&lt;/b&gt;显示每一层最活跃的神经元，颜色表示它们对你的笔迹响应有多强（空心圆环：几乎不响应的神经元），
并画出针对你的笔迹、流入每个神经元的最大贡献，即 权重 × 输入（蓝色：负，红色：正）：写 2 和写 8 会点亮不同的路径。
抬笔时，信号会依次流过各层。按 D 或网络图上方的按钮可改为显示最强的权重。
把鼠标停在神经元上可查看它的值和连接。&lt;b&gt;激活值&lt;/b&gt;把每个隐藏层画成一幅小图；&lt;b&gt;第一层权重&lt;/b&gt;显示第一隐藏层每个神经元被哪些像素激发（红色）或抑制（蓝色）。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;训练&lt;/b&gt;：按“开始”用 MNIST 的 60,000 个数字训练，实时观察权重、曲线和预测的变化。学习率、优化器、批大小和正则化惩罚可在训练中修改；
隐藏层、激活函数和随机种子在“重置”后生效；在重新开始训练之前，“重置”都可以撤销。
&lt;b&gt;速度&lt;/b&gt;可以把训练放慢到每秒几步，方便给学生逐步讲解。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;比较与回放&lt;/b&gt;：“重置”之后，之前那次训练的曲线以淡色留在损失图上，并注明与这次的不同之处；图下方的“各次训练”菜单可显示、隐藏或移除之前的训练，
“训练 → 用同一种子再训练一次”可以完全重现一次训练。曲线下方的滑块可以回到过去：网络图、权重、预测和直方图都显示网络当时的样子；
“实时”（或 End 键）回到现在。“保存模型”会把这条时间轴一并存入文件。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;观察内部&lt;/b&gt;（“检查”菜单）：点击网络图中的神经元，可看到它的权重以及用真实数字写出的加权和；&lt;b&gt;为什么？&lt;/b&gt;按像素把答案推高（红色）或拉低（蓝色）的程度给笔迹着色；
&lt;b&gt;评估&lt;/b&gt;显示网络在 10,000 个测试数字上错在哪里（点击混淆矩阵的格子）；&lt;b&gt;隐藏层图&lt;/b&gt;显示某一层如何把数字分组；&lt;b&gt;直方图&lt;/b&gt;在训练时显示权重和梯度的分布。
右键点击任一视图（或 文件 → 导出）可将其保存为 PNG、SVG 或 CSV。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;课堂演示&lt;/b&gt;：F11 进入演示模式（全屏、大字号、高对比度、只显示主要面板）。每个面板都可以用标题旁的按钮弹出为独立窗口或隐藏；
“视图 → 面板”可以让它重新显示。演示用的翻页笔也能用：PageDown / → 和 PageUp / ← 让慢动作、时间轴或课程前进和后退；
B 键黑屏。“视图 → 语言”可在 English 和简体中文之间切换。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>nnviz: draw a digit, watch a neural network</source>
        <translation>nnviz：写一个数字，看神经网络如何工作</translation>
    </message>
    <message>
        <source>Pen width (also: mouse wheel over the drawing)</source>
        <translation>笔宽（也可在画布上滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Erase with the left button too (E). The right button always erases.</source>
        <translation>左键也用于擦除（E）。右键始终擦除。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Take back the last stroke (Ctrl+Z)</source>
        <translation>撤销上一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Erase the whole drawing (Esc)</source>
        <translation>擦掉全部笔迹（Esc）</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <source>Show which pixels pushed the prediction up (red) or down (blue) (S)</source>
        <translation>显示哪些像素把预测推高（红色）或拉低（蓝色）（S）</translation>
    </message>
    <message>
        <source>The network&apos;s answer: the digit it finds most likely, and how sure it is</source>
        <translation>网络的答案：它认为最可能的数字，以及它有多确定</translation>
    </message>
</context>
<context>
    <name>MnistModel</name>
    <message>
        <source>{0} is a {1} network with {2} output; an MNIST model has 784 inputs (28x28 pixels) and 10 outputs (digits 0-9, softmax)</source>
        <translation>{0} 是一个 {1} 网络，输出为 {2}；MNIST 模型需要 784 个输入（28×28 像素）和 10 个输出（数字 0–9，softmax）</translation>
    </message>
</context>
<context>
    <name>ModelDescription</name>
    <message>
        <source>new network (Reset)</source>
        <translation>新网络（重置）</translation>
    </message>
    <message>
        <source>untrained network</source>
        <translation>未训练的网络</translation>
    </message>
    <message>
        <source>steps trained here: {0}</source>
        <translation>在此训练的步数：{0}</translation>
    </message>
    <message>
        <source>{0} % on the test digits</source>
        <translation>测试数字上 {0} %</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>Pop out into a window of its own (close it to put it back)</source>
        <translation>弹出为独立窗口（关闭该窗口即放回）</translation>
    </message>
    <message>
        <source>Hide this panel (View &gt; Panels shows it again)</source>
        <translation>隐藏此面板（视图 &gt; 面板 可重新显示）</translation>
    </message>
    <message>
        <source>Put back into the main window</source>
        <translation>放回主窗口</translation>
    </message>
</context>
<context>
    <name>Probing</name>
    <message>
        <source>{0} neuron(s) silenced or clamped: the predictions come from the poked network.</source>
        <translation>{0} 个神经元被静音或钳位：预测来自被改动的网络。</translation>
    </message>
    <message>
        <source>Restore all</source>
        <translation>全部恢复</translation>
    </message>
    <message>
        <source>{0}, neuron {1}</source>
        <translation>{0}，神经元 {1}</translation>
    </message>
    <message>
        <source>Silence it</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Clamp it to a value…</source>
        <translation>钳位到一个值…</translation>
    </message>
    <message>
        <source>Let it go</source>
        <translation>放开它</translation>
    </message>
    <message>
        <source>Dream: what makes it fire?</source>
        <translation>梦境：什么让它激活？</translation>
    </message>
    <message>
        <source>Restore all neurons</source>
        <translation>恢复所有神经元</translation>
    </message>
    <message>
        <source>Clamp a neuron</source>
        <translation>钳位神经元</translation>
    </message>
    <message>
        <source>Hold its output at:</source>
        <translation>把它的输出固定为：</translation>
    </message>
</context>
<context>
    <name>Rewinding</name>
    <message>
        <source>The network as it was at {0}; Live (End) shows it as it is</source>
        <translation>这是网络在 {0} 时的样子；“实时”（End 键）显示它现在的样子</translation>
    </message>
    <message>
        <source>The training timeline in {0} could not be read: {1}</source>
        <translation>无法读取 {0} 中的训练时间轴：{1}</translation>
    </message>
</context>
<context>
    <name>SaliencyCaption</name>
    <message>
        <source>Why {0}?</source>
        <translation>为什么是 {0}？</translation>
    </message>
    <message>
        <source>covering this makes {0} less likely</source>
        <translation>遮住这里，{0} 的可能性变小</translation>
    </message>
    <message>
        <source>covering this makes {0} more likely</source>
        <translation>遮住这里，{0} 的可能性变大</translation>
    </message>
    <message>
        <source>this ink speaks for {0}</source>
        <translation>这些笔画支持 {0}</translation>
    </message>
    <message>
        <source>this ink speaks against {0}</source>
        <translation>这些笔画反对 {0}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Shift+0 … Shift+9</source>
        <translation>Shift+0 … Shift+9</translation>
    </message>
    <message>
        <source>&quot;this drawing is a …&quot;: the network learns your correction</source>
        <translation>“这幅画是……”：网络从你的纠正中学习</translation>
    </message>
    <message>
        <source>right mouse button</source>
        <translation>鼠标右键</translation>
    </message>
    <message>
        <source>erase on the canvas</source>
        <translation>在画布上擦除</translation>
    </message>
    <message>
        <source>mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <source>pen width, over the canvas</source>
        <translation>笔宽（在画布上滚动）</translation>
    </message>
    <message>
        <source>Space, in slow motion</source>
        <translation>空格键（慢动作中）</translation>
    </message>
    <message>
        <source>the next step</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>Teaching</name>
    <message>
        <source>It was kept as {0}.</source>
        <translation>它已另存为 {0}。</translation>
    </message>
    <message>
        <source>It could not be moved aside ({0}).</source>
        <translation>无法把它移到一旁（{0}）。</translation>
    </message>
    <message>
        <source>Your examples could not be read: {0} {1} New corrections go into a new file.</source>
        <translation>无法读取你的样例：{0} {1} 新的纠正会存入一个新文件。</translation>
    </message>
    <message>
        <source>Draw a digit first, then say which digit it is.</source>
        <translation>先写一个数字，再说出它是几。</translation>
    </message>
    <message>
        <source>No examples kept yet: correct a misread drawing first.</source>
        <translation>还没有保存的样例：先纠正一个认错的手写。</translation>
    </message>
    <message>
        <source>learning your drawing…</source>
        <translation>正在学习你的手写…</translation>
    </message>
    <message>
        <source>Could not learn that: {0}</source>
        <translation>无法学习：{0}</translation>
    </message>
    <message>
        <source>{0} steps on your {1}</source>
        <translation>在你的 {1} 上学习了 {0} 步</translation>
    </message>
    <message>
        <source>{0} steps on your {1} examples</source>
        <translation>在你的 {1} 个样例上学习了 {0} 步</translation>
    </message>
    <message>
        <source>mixed with the {0} MNIST digits it found hardest ({1} different ones), so it does not forget</source>
        <translation>每步混入它认为最难的 {0} 个 MNIST 数字（共 {1} 个不同的），以免遗忘</translation>
    </message>
    <message>
        <source>without MNIST digits to mix in (MNIST is not loaded): it may forget a little</source>
        <translation>没有混入 MNIST 数字（MNIST 未载入）：它可能会忘掉一点</translation>
    </message>
    <message>
        <source>it now reads a {0} ({1:.0f} %)</source>
        <translation>现在它认作 {0}（{1:.0f} %）</translation>
    </message>
    <message>
        <source>it still reads a {0}: correct it once more, or draw it more clearly</source>
        <translation>它仍认作 {0}：再纠正一次，或写得更清楚些</translation>
    </message>
    <message>
        <source>it reads {0} of {1} right</source>
        <translation>{1} 个中认对了 {0} 个</translation>
    </message>
    <message>
        <source> · Ctrl+Z undoes it</source>
        <translation> · Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>correction undone: the weights from before are back</source>
        <translation>已撤销纠正：之前的权重回来了</translation>
    </message>
</context>
<context>
    <name>TrainingLink</name>
    <message>
        <source>Training diverged. {0}</source>
        <translation>训练发散了。{0}</translation>
    </message>
    <message>
        <source>Divide the learning rate by 10</source>
        <translation>学习率除以 10</translation>
    </message>
    <message>
        <source>&amp;Pause training</source>
        <translation>暂停训练(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Start training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <source>epoch {0}: test accuracy {1:.1f} %, test loss {2:.3f}, training loss {3:.3f} ({4:.1f} s)</source>
        <translation>第 {0} 轮：测试准确率 {1:.1f} %，测试损失 {2:.3f}，训练损失 {3:.3f}（{4:.1f} 秒）</translation>
    </message>
    <message>
        <source>epoch {0}: test accuracy {1:.1f} %, training loss {2:.3f} ({3:.1f} s)</source>
        <translation>第 {0} 轮：测试准确率 {1:.1f} %，训练损失 {2:.3f}（{3:.1f} 秒）</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新启动</translation>
    </message>
    <message>
        <source>Training stopped: {0}. Drawing still works with the last weights.</source>
        <translation>训练已停止：{0}。仍可用最后的权重继续绘图。</translation>
    </message>
    <message>
        <source>A new, untrained network replaced the one before (its training and curves are kept until you start training again).</source>
        <translation>一个未训练的新网络替换了之前的网络（在你重新开始训练之前，之前的训练结果和曲线都还保留着）。</translation>
    </message>
    <message>
        <source>Undo reset</source>
        <translation>撤销重置</translation>
    </message>
    <message>
        <source>learning rate is now {0:g}; press Start to go on</source>
        <translation>学习率现在是 {0:g}；按“开始”继续</translation>
    </message>
    <message>
        <source>&amp;My examples…</source>
        <translation>我的样例(&amp;M)…</translation>
    </message>
    <message>
        <source>The drawings you corrected: relabel, delete, learn from all, export or import</source>
        <translation>你纠正过的手写：重新标注、删除、全部学习、导出或导入</translation>
    </message>
    <message>
        <source>&amp;Learn from all my examples</source>
        <translation>学习我的全部样例(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Back to the shipped model</source>
        <translation>回到自带的模型(&amp;B)</translation>
    </message>
    <message>
        <source>Forget what was taught or trained here: the shipped model comes back</source>
        <translation>忘掉在这里教过或训练过的内容：换回自带的模型</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>The update rule. Adam is a good default;
plain SGD needs a larger learning rate (about 0.1).</source>
        <translation>参数的更新规则。Adam 是不错的默认选择；
普通 SGD 需要更大的学习率（约 0.1）。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Base learning rate (scaled by the schedule).
Pick one or type a number above 0; too large and training diverges.</source>
        <translation>基础学习率（再按学习率调度缩放）。
可从列表中选择，或输入大于 0 的数；过大会使训练发散。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>How the learning rate changes over the run
(cosine: from the base rate down to 0 at the last epoch).</source>
        <translation>学习率在训练过程中如何变化
（余弦退火：从基础学习率逐渐降到最后一轮的 0）。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Digits per training step (one step = one batch).</source>
        <translation>每个训练步使用的样本数（一步 = 一个批次）。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Passes over the training digits in one run.</source>
        <translation>一次训练中遍历全部训练样本的轮数。</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Distort the training digits on the fly (tilt, shear, thickness, wobble),
like mouse drawings: the network reads your drawings better, but
training is slower. Takes effect from the next epoch.</source>
        <translation>训练时随机变形训练样本（倾斜、错切、笔画粗细、抖动），
使其更像鼠标写的字：网络能更好地识别你的手写，
但训练会变慢。从下一轮起生效。</translation>
    </message>
    <message>
        <source>L1 penalty</source>
        <translation>L1 正则</translation>
    </message>
    <message>
        <source>L1 penalty on the weights: pushes many weights to exactly 0.</source>
        <translation>权重的 L1 正则项：使许多权重恰好变为 0。</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>L2 正则</translation>
    </message>
    <message>
        <source>L2 penalty on the weights: keeps all weights small.</source>
        <translation>权重的 L2 正则项：使所有权重都保持较小。</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Weight decay of the optimizer (&apos;default&apos;: the
optimizer&apos;s own, e.g. 0.01 for AdamW, 0 for the others).</source>
        <translation>优化器的权重衰减（“默认”：使用优化器自己的取值，
例如 AdamW 为 0.01，其他优化器为 0）。</translation>
    </message>
</context>
<context>
    <name>TrainingProcess</name>
    <message>
        <source>the training process was ended by signal {0}</source>
        <translation>训练进程被信号 {0} 终止</translation>
    </message>
    <message>
        <source>the training process ended unexpectedly (exit code {0})</source>
        <translation>训练进程意外结束（退出码 {0}）</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>hidden sizes are whole numbers separated by commas, like 256,128,64 (got {0!r})</source>
        <translation>隐藏层大小是用逗号分隔的整数，例如 256,128,64（输入的是 {0!r}）</translation>
    </message>
    <message>
        <source>each hidden layer needs 1 to {0} neurons (got {1!r})</source>
        <translation>每个隐藏层需要 1 到 {0} 个神经元（输入的是 {1!r}）</translation>
    </message>
    <message>
        <source>at most {0} hidden layers (got {1})</source>
        <translation>最多 {0} 个隐藏层（输入了 {1} 个）</translation>
    </message>
    <message>
        <source>no training data: load MNIST first</source>
        <translation>没有训练数据：请先载入 MNIST</translation>
    </message>
</context>
</TS>

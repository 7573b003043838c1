// SPDX-License-Identifier: Apache-2.0
// Contracts of cordon's Ethereum laundering scenario (dev.cordon.intel.scenario.eth). The compiled
// creation code of each contract is committed beside this file as <Contract>.bin (solc-js 0.8.28,
// `solc --bin`, no optimizer); a test recompiles this file and compares.
pragma solidity 0.8.28;

/// A liquid-staking-like ERC-20 (18 decimals); the whole supply is minted to the deployer.
contract StakedToken {
    string public constant name = "Scenario Staked Ether";
    string public constant symbol = "sstETH";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(uint256 supply) {
        totalSupply = supply;
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= value, "allowance");
        allowance[from][msg.sender] = allowed - value;
        move(from, to, value);
        return true;
    }

    function move(address from, address to, uint256 value) private {
        require(balanceOf[from] >= value, "balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}

interface IToken {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function transfer(address to, uint256 value) external returns (bool);
}

/// A constant-product pool between ether and one token, 0.3% fee on the input. The caller names
/// the exact output; the pool checks that the fee-adjusted product does not fall.
contract ConstantProductPool {
    IToken public immutable token;
    uint256 public reserveToken;
    uint256 public reserveEth;

    event Swap(address indexed sender, uint256 tokenIn, uint256 ethIn, uint256 tokenOut, uint256 ethOut, address indexed to);

    constructor(address tokenAddress) {
        token = IToken(tokenAddress);
    }

    function addLiquidity(uint256 tokenAmount) external payable {
        require(token.transferFrom(msg.sender, address(this), tokenAmount), "token");
        reserveToken += tokenAmount;
        reserveEth += msg.value;
    }

    function swapTokenForEth(uint256 tokenIn, uint256 ethOut, address payable to) external {
        require(token.transferFrom(msg.sender, address(this), tokenIn), "token");
        check(reserveToken, reserveEth, tokenIn, ethOut);
        reserveToken += tokenIn;
        reserveEth -= ethOut;
        (bool ok, ) = to.call{value: ethOut}("");
        require(ok, "pay");
        emit Swap(msg.sender, tokenIn, 0, 0, ethOut, to);
    }

    function swapEthForToken(uint256 tokenOut, address to) external payable {
        check(reserveEth, reserveToken, msg.value, tokenOut);
        reserveEth += msg.value;
        reserveToken -= tokenOut;
        require(token.transfer(to, tokenOut), "token");
        emit Swap(msg.sender, 0, msg.value, tokenOut, 0, to);
    }

    function check(uint256 reserveIn, uint256 reserveOut, uint256 amountIn, uint256 amountOut) private pure {
        require(amountOut < reserveOut, "liquidity");
        require((reserveIn * 1000 + amountIn * 997) * (reserveOut - amountOut) >= reserveIn * 1000 * reserveOut, "k");
    }
}

/// A fixed-denomination mixer: a deposit registers the hash of a secret note, a withdrawal that
/// reveals the note pays the denomination once to any address.
contract FixedMixer {
    uint256 public immutable denomination;
    mapping(bytes32 => bool) public deposited;
    mapping(bytes32 => bool) public spent;

    event Deposit(bytes32 indexed commitment);
    event Withdrawal(address to);

    constructor(uint256 denominationWei) {
        denomination = denominationWei;
    }

    function deposit(bytes32 commitment) external payable {
        require(msg.value == denomination, "denomination");
        require(!deposited[commitment], "duplicate");
        deposited[commitment] = true;
        emit Deposit(commitment);
    }

    function withdraw(bytes32 note, address payable to) external {
        bytes32 commitment = keccak256(abi.encodePacked(note));
        require(deposited[commitment] && !spent[commitment], "note");
        spent[commitment] = true;
        (bool ok, ) = to.call{value: denomination}("");
        require(ok, "pay");
        emit Withdrawal(to);
    }
}

/// A THORChain-style router: forwards ether (asset zero) or a token from the caller to a vault
/// and records the swap instruction in the memo.
contract BridgeRouter {
    event Deposit(address indexed to, address indexed asset, uint256 amount, string memo);

    function deposit(address payable vault, address asset, uint256 amount, string calldata memo) external payable {
        if (asset == address(0)) {
            require(msg.value == amount, "value");
            (bool ok, ) = vault.call{value: amount}("");
            require(ok, "vault");
        } else {
            require(msg.value == 0, "value");
            require(IToken(asset).transferFrom(msg.sender, vault, amount), "token");
        }
        emit Deposit(vault, asset, amount, memo);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// A minimal ERC-20: the whole supply is minted to the deployer (a Transfer from the zero address).
contract TestToken {
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(uint256 supply) {
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        require(balanceOf[msg.sender] >= amount, "balance");
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }
}

/// Forwards the ether it receives to several addresses in one call (one internal call each).
contract Splitter {
    function split(address payable[] calldata to, uint256[] calldata amounts) external payable {
        require(to.length == amounts.length, "lengths");
        for (uint256 i = 0; i < to.length; i++) {
            (bool ok, ) = to[i].call{value: amounts[i]}("");
            require(ok, "send");
        }
    }
}

/// Sends the ether it receives on, then reverts: the send is undone.
contract Reverter {
    function payAndRevert(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}("");
        require(ok, "send");
        revert("half-way");
    }
}

/// Creates a Reverter when deployed (a nested contract creation).
contract HalfWay {
    Reverter public immutable inner;

    constructor() {
        inner = new Reverter();
    }

    /// Pays half of the value to `kept`; the other half goes through a sub-call that pays `lost`
    /// and reverts, caught here: the transaction succeeds, the transfer to `lost` never happened.
    function run(address payable kept, address payable lost) external payable {
        uint256 half = msg.value / 2;
        (bool ok, ) = kept.call{value: half}("");
        require(ok, "send");
        try inner.payAndRevert{value: msg.value - half}(lost) {
            revert("the inner call should have reverted");
        } catch {
        }
    }

    /// Pays `to`, then fails as a whole: only the gas is spent.
    function fail(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}("");
        require(ok, "send");
        revert("whole transaction fails");
    }
}
